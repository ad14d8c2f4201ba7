using System;
using System.Collections.Generic;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Internal;
using ContactCenter.Core.Time;
using NodaTime;

namespace ContactCenter.Core.Benchmarks.Interactions;

/// <summary>
/// The baseline of <see cref="InteractionBenchmarks"/>: the same voice call written by hand for exactly the
/// benchmarked steps. It keeps the parties in a mutable array, checks the state with a <c>switch</c>-like
/// test per command, stamps each input with the same time source and a new correlation id, and publishes
/// the same immutable events (same types, same content, same order) to one observer. It has no state
/// machine, no snapshot, no run-to-completion gate, no thread safety, no refusal explanations, no other
/// medium and no other command: it is the floor, what the events alone cost.
/// </summary>
public sealed class HandWrittenVoiceCall
{
    private const int Customer = 0;
    private const int Agent = 1;
    private const int Target = 2;

    private readonly InteractionId _id;
    private readonly ITimeSource _time;
    private readonly Party[] _parties = new Party[3];
    private IObserver<InteractionEvent>? _observer;
    private Consultation? _consultation;
    private Note? _note;
    private string? _disposition;
    private long _sequence;

    public HandWrittenVoiceCall(string customerAddress, string agentAddress, ITimeSource time, InteractionId? id = null)
    {
        _id = id ?? InteractionId.New();
        _time = time;
        _parties[Customer] = new Party(new PartyId(1), PartyRole.Customer, customerAddress, PartyState.Connected);
        _parties[Agent] = new Party(new PartyId(2), PartyRole.Agent, agentAddress, PartyState.Alerting);
        State = InteractionState.Offered;
    }

    public InteractionState State { get; private set; }

    public string? Disposition => _disposition;

    public Note? Note => _note;

    /// <summary>One observer (the benchmark attaches exactly one).</summary>
    public void Subscribe(IObserver<InteractionEvent> observer) => _observer = observer;

    public void Accept(Guid? correlationId = null)
    {
        Require(State == InteractionState.Offered);
        var (at, correlation) = Stamp(correlationId);
        SetParty(Agent, PartyState.Connected, InteractionTrigger.Accept, at, correlation);
        SetState(InteractionState.Talking, InteractionTrigger.Accept, at, correlation);
    }

    public void Hold(Guid? correlationId = null)
    {
        Require(State == InteractionState.Talking);
        var (at, correlation) = Stamp(correlationId);
        SetParty(Customer, PartyState.Held, InteractionTrigger.Hold, at, correlation);
        SetState(InteractionState.Held, InteractionTrigger.Hold, at, correlation);
    }

    public void Resume(Guid? correlationId = null)
    {
        Require(State == InteractionState.Held);
        var (at, correlation) = Stamp(correlationId);
        SetParty(Customer, PartyState.Connected, InteractionTrigger.Resume, at, correlation);
        SetState(InteractionState.Talking, InteractionTrigger.Resume, at, correlation);
    }

    public void ConsultForTransfer(string target, string? reason, Guid? correlationId = null)
    {
        Require(State is InteractionState.Talking or InteractionState.Held);
        var (at, correlation) = Stamp(correlationId);
        var cause = InteractionTrigger.ConsultForTransfer;
        SetParty(Customer, PartyState.Held, cause, at, correlation);
        var party = new Party(new PartyId(3), PartyRole.ConsultTarget, target, PartyState.Dialing);
        _parties[Target] = party;
        Publish(new PartyChanged(_id, ++_sequence, at, correlation, cause, null, party));
        _consultation = new Consultation(ConsultationKind.Transfer, party.Id, reason);
        Publish(new ConsultationChanged(_id, ++_sequence, at, correlation, cause, null, _consultation));
        SetState(InteractionState.Consulting, cause, at, correlation);
    }

    public bool OnTargetAnswered(Guid? correlationId = null)
    {
        if (State != InteractionState.Consulting || _parties[Target].State is not (PartyState.Dialing or PartyState.Alerting))
        {
            return false;
        }

        var (at, correlation) = Stamp(correlationId);
        SetParty(Target, PartyState.Connected, InteractionTrigger.TargetAnswered, at, correlation);
        return true;
    }

    public void CompleteTransfer(Guid? correlationId = null)
    {
        Require(State == InteractionState.Consulting && _consultation is { Kind: ConsultationKind.Transfer } && _parties[Target].State == PartyState.Connected);
        var (at, correlation) = Stamp(correlationId);
        var cause = InteractionTrigger.CompleteTransfer;
        for (int i = 0; i < _parties.Length; i++)
        {
            SetParty(i, PartyState.Disconnected, cause, at, correlation);
        }

        var consultation = _consultation!;
        _consultation = null;
        Publish(new ConsultationChanged(_id, ++_sequence, at, correlation, cause, consultation, null));
        if (!string.IsNullOrWhiteSpace(consultation.Reason))
        {
            _note = new Note(consultation.Reason, NoteKind.TransferReason, at);
            Publish(new NoteAdded(_id, ++_sequence, at, correlation, cause, _note));
        }

        SetState(InteractionState.Ended, cause, at, correlation);
    }

    public void SetDisposition(string code, Guid? correlationId = null)
    {
        Require(State == InteractionState.Ended);
        var (at, correlation) = Stamp(correlationId);
        string? previous = _disposition;
        _disposition = code;
        Publish(new DispositionSet(_id, ++_sequence, at, correlation, InteractionTrigger.SetDisposition, previous, code));
    }

    public void MarkDone(Guid? correlationId = null)
    {
        Require(State == InteractionState.Ended && _disposition is not null);
        var (at, correlation) = Stamp(correlationId);
        SetState(InteractionState.Done, InteractionTrigger.MarkDone, at, correlation);
    }

    private static void Require(bool permitted)
    {
        if (!permitted)
        {
            throw new InvalidOperationException("Not permitted in this state.");
        }
    }

    private (Instant At, Guid Correlation) Stamp(Guid? correlationId) => (_time.Now, correlationId ?? Ids.Next());

    private void SetParty(int index, PartyState state, InteractionTrigger cause, Instant at, Guid correlation)
    {
        var previous = _parties[index];
        if (previous is null || previous.State == state)
        {
            return;
        }

        var current = previous with { State = state };
        _parties[index] = current;
        Publish(new PartyChanged(_id, ++_sequence, at, correlation, cause, previous, current));
    }

    private void SetState(InteractionState state, InteractionTrigger cause, Instant at, Guid correlation)
    {
        var previous = State;
        State = state;
        Publish(new InteractionStateChanged(_id, ++_sequence, at, correlation, cause, previous, state));
    }

    private void Publish(InteractionEvent @event) => _observer?.OnNext(@event);

    /// <summary>The parties, for the equivalence check.</summary>
    internal IReadOnlyList<Party> Parties => Array.FindAll(_parties, static p => p is not null);
}
