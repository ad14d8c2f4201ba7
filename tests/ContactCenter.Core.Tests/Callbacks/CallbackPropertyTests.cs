using System;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Tests.StateMachines.Model;
using FsCheck.Fluent;
using NodaTime;
using Xunit;
using Xunit.Abstractions;

namespace ContactCenter.Core.Tests.Callbacks;

/// <summary>
/// Random sequences of callback commands (valid and invalid) interleaved with virtual time passing, checked step by
/// step against a tiny reference model of the lifecycle: which commands are accepted, the state, the attempts, the
/// pending reschedule, the owner and the due instant. A refused command must change nothing. Seeded; each case is
/// built from one integer seed, printed by FsCheck on failure.
/// </summary>
public sealed class CallbackPropertyTests
{
    private const int Cases = 500;

    private static readonly CallbackOptions s_options = new() { MaxAttempts = 3, RetryDelay = Duration.FromMinutes(10) };

    private static readonly CallbackAttemptResult[] s_results = Enum.GetValues<CallbackAttemptResult>();

    private static readonly CallbackOwnership?[] s_ownerships = [null, CallbackOwnership.Shared, CallbackOwnership.Personal("alice"), CallbackOwnership.Personal("bob")];

    private readonly ITestOutputHelper _output;

    public CallbackPropertyTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Random_command_sequences_follow_the_reference_model_and_refusals_change_nothing()
    {
        var states = new HashSet<CallbackState>();
        var reasons = new HashSet<CallbackEndReason>();
        int refused = 0;
        int steps = 0;
        var arbitrary = Arb.From(Gen.Sized(size => Gen.Choose(0, int.MaxValue - 1).Select(s => (Seed: s, Size: Math.Max(10, size)))));
        PropertyRunner.Check(_output, nameof(Random_command_sequences_follow_the_reference_model_and_refusals_change_nothing), 0xCA11_BAC0, Cases, arbitrary, testCase =>
        {
            var (r, n) = Execute(testCase.Seed, testCase.Size * 3, states, reasons);
            refused += r;
            steps += n;
        });

        _output.WriteLine($"{steps} steps, {refused} refused; states visited: {string.Join(", ", states.OrderBy(static s => s))}; end reasons: {string.Join(", ", reasons.OrderBy(static r => r))}");
        Assert.Equal(Enum.GetValues<CallbackState>().Length, states.Count);

        // Every end the model knows was reached (the sequences have no window, so none expires).
        Assert.Equal(Enum.GetValues<CallbackEndReason>().Where(static r => r != CallbackEndReason.WindowExpired), reasons.OrderBy(static r => r));
        Assert.True(refused > 0);
    }

    private static (int Refused, int Steps) Execute(int seed, int length, HashSet<CallbackState> states, HashSet<CallbackEndReason> reasons)
    {
        var random = new Random(seed);
        using var f = new CallbackFixture(s_options);
        var callback = NewCallback(f, random);
        var model = new Model(callback.State, callback.DueAt);
        int refused = 0;
        for (int step = 0; step < length; step++)
        {
            if (callback.IsTerminal && random.Next(3) == 0)
            {
                // Start over with a new callback (the fixture's events now interleave two callbacks: compare this one's).
                callback = NewCallback(f, random);
                model = new Model(callback.State, callback.DueAt);
            }

            int op = NextOp(callback, random);
            if (op >= 15)
            {
                f.Advance(Duration.FromMinutes(random.Next(1, 20)));
                model.Advance(f.Now);
            }
            else
            {
                var command = ToCommand(op);
                var result = random.Next(2) == 0 ? s_results[random.Next(s_results.Length)] : (random.Next(2) == 0 ? CallbackAttemptResult.Busy : CallbackAttemptResult.NoAnswer);
                var ownership = s_ownerships[random.Next(s_ownerships.Length)];
                var at = f.Now + Duration.FromMinutes(random.Next(1, 120));
                bool argumentless = op is not (1 or 2 or 8 or 9 or 10);
                bool can = callback.Can(command);
                bool expected = model.Accepts(op);
                string before = Snapshot(callback, f);
                try
                {
                    Apply(callback, op, result, ownership, at, f.Now);
                    Check(expected, $"{command} (op {op}) was accepted in {model.State}, the model refuses it.");
                    Check(can, $"{command} was accepted although Can said no.");
                    model.Apply(op, result, ownership, at, f.Now, s_options);
                }
                catch (CallbackCommandRefusedException exception)
                {
                    refused++;
                    Check(!expected, $"{command} (op {op}) was refused in {model.State}, the model accepts it: {exception.Message}");
                    Check(!(argumentless && can), $"{command} was refused although Can said yes.");
                    Check(before == Snapshot(callback, f), $"Refused {command} changed the callback.");
                }
            }

            states.Add(callback.State);
            model.CheckAgainst(callback, f);
            if (callback.EndReason is { } reason)
            {
                reasons.Add(reason);
            }
        }

        return (refused, length);
    }

    private static Callback NewCallback(CallbackFixture f, Random random) =>
        random.Next(2) == 0 ? f.Asap() : f.ScheduledIn(Duration.FromMinutes(random.Next(1, 30)));

    /// <summary>Mostly a permitted command (so that sequences go deep: retries until exhausted), otherwise anything, time passing included.</summary>
    private static int NextOp(Callback callback, Random random)
    {
        var permitted = callback.PermittedCommands;
        if (permitted.Count == 0 || random.Next(3) == 0)
        {
            return random.Next(17);
        }

        var forward = permitted.Where(static c => c is CallbackCommand.MarkDue or CallbackCommand.Offer or CallbackCommand.Accept
            or CallbackCommand.Dial or CallbackCommand.RecordResult or CallbackCommand.MarkDone).ToList();
        var command = forward.Count > 0 && random.Next(3) > 0 ? forward[random.Next(forward.Count)] : permitted[random.Next(permitted.Count)];
        while (command == CallbackCommand.Cancel && random.Next(10) > 0)
        {
            command = permitted[random.Next(permitted.Count)];
        }

        return command switch
        {
            CallbackCommand.MarkDue => 0,
            CallbackCommand.Offer => 1 + random.Next(2),
            CallbackCommand.Accept => 3,
            CallbackCommand.Decline => 4,
            CallbackCommand.OfferTimedOut => 5,
            CallbackCommand.WithdrawOffer => 6,
            CallbackCommand.Dial => 7,
            CallbackCommand.RecordResult => 8,
            CallbackCommand.Reschedule => random.Next(4) == 0 ? 10 : 9,
            CallbackCommand.Unschedule => 11,
            CallbackCommand.MarkDone => 12,
            _ => 13,
        };
    }

    private static CallbackCommand ToCommand(int op) => op switch
    {
        0 => CallbackCommand.MarkDue,
        1 or 2 => CallbackCommand.Offer,
        3 => CallbackCommand.Accept,
        4 => CallbackCommand.Decline,
        5 => CallbackCommand.OfferTimedOut,
        6 => CallbackCommand.WithdrawOffer,
        7 => CallbackCommand.Dial,
        8 => CallbackCommand.RecordResult,
        9 or 10 => CallbackCommand.Reschedule,
        11 => CallbackCommand.Unschedule,
        12 => CallbackCommand.MarkDone,
        _ => CallbackCommand.Cancel,
    };

    private static void Apply(Callback callback, int op, CallbackAttemptResult result, CallbackOwnership? ownership, Instant at, Instant now)
    {
        switch (op)
        {
            case 0: callback.MarkDue(); break;
            case 1: callback.Offer("alice", InteractionId.New()); break;
            case 2: callback.Offer("bob", InteractionId.New()); break;
            case 3: callback.Accept(); break;
            case 4: callback.Decline(); break;
            case 5: callback.OfferTimedOut(); break;
            case 6: callback.WithdrawOffer(); break;
            case 7: callback.Dial(); break;
            case 8: callback.RecordResult(result); break;
            case 9: callback.Reschedule(new CallbackReschedule(at) { Ownership = ownership }); break;
            case 10: callback.Reschedule(new CallbackReschedule(now - Duration.FromMinutes(1))); break;
            case 11: callback.Unschedule(); break;
            case 12: callback.MarkDone(); break;
            default: callback.Cancel(); break;
        }
    }

    private static string Snapshot(Callback callback, CallbackFixture f) =>
        string.Join(" | ", callback.State, callback.Schedule, callback.PendingReschedule, callback.CurrentOffer, string.Join(";", callback.Attempts), callback.QueuedSince, callback.EndReason, f.Events.Count);

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }

    /// <summary>The reference: the lifecycle as the documentation states it, with nothing but the facts it needs.</summary>
    private sealed class Model(CallbackState state, Instant dueAt)
    {
        private readonly Dictionary<int, string> _offerAgents = new() { [1] = "alice", [2] = "bob" };

        public CallbackState State { get; private set; } = state;

        public Instant DueAt { get; private set; } = dueAt;

        public int Attempts { get; private set; }

        public CallbackAttemptResult? LastResult { get; private set; }

        public bool Rescheduled { get; private set; }

        public string? Owner { get; private set; }

        public string? Holder { get; private set; }

        public (Instant At, string? Owner)? Pending { get; private set; }

        private bool InSession => State is CallbackState.Accepted or CallbackState.InProgress or CallbackState.WrapUp;

        public bool Accepts(int op) => op switch
        {
            0 => State == CallbackState.Scheduled,
            1 or 2 => State == CallbackState.Due && (Owner is null || Owner == _offerAgents[op]),
            3 or 4 or 5 or 6 => State == CallbackState.Offered,
            7 => State == CallbackState.Accepted,
            8 => State == CallbackState.InProgress,
            9 => State is CallbackState.Scheduled or CallbackState.Due || InSession,
            10 => false,
            11 => (State == CallbackState.Scheduled && Rescheduled) || (InSession && Pending is not null),
            12 => (State is CallbackState.Accepted or CallbackState.WrapUp && Pending is not null) || State == CallbackState.WrapUp,
            _ => State is CallbackState.Scheduled or CallbackState.Due or CallbackState.Offered or CallbackState.Accepted or CallbackState.WrapUp,
        };

        public void Apply(int op, CallbackAttemptResult result, CallbackOwnership? ownership, Instant at, Instant now, CallbackOptions options)
        {
            switch (op)
            {
                case 0: State = CallbackState.Due; break;
                case 1 or 2: State = CallbackState.Offered; Holder = _offerAgents[op]; break;
                case 3: State = CallbackState.Accepted; break;
                case 4 or 5 or 6: State = CallbackState.Due; Holder = null; break;
                case 7: State = CallbackState.InProgress; Attempts++; break;
                case 8: State = CallbackState.WrapUp; LastResult = result; break;
                case 9:
                    var owner = ownership is null ? Owner : ownership.AgentId;
                    if (InSession)
                    {
                        Pending = (at, owner);
                    }
                    else
                    {
                        Schedule(at, owner, rescheduled: true);
                    }

                    break;
                case 11:
                    if (State == CallbackState.Scheduled)
                    {
                        End(CallbackState.Cancelled);
                    }
                    else
                    {
                        Pending = null;
                    }

                    break;
                case 12: MarkDone(now, options); break;
                default: End(CallbackState.Cancelled); break;
            }
        }

        public void Advance(Instant now)
        {
            if (State == CallbackState.Scheduled && now >= DueAt)
            {
                State = CallbackState.Due;
            }
        }

        public void CheckAgainst(Callback callback, CallbackFixture f)
        {
            Check(callback.State == State, $"State {callback.State}, model {State}.");
            Check(callback.Attempts.Count == Attempts, $"{callback.Attempts.Count} attempts, model {Attempts}.");
            Check((callback.PendingReschedule is null) == (Pending is null), "Pending reschedule out of step with the model.");
            Check(callback.Ownership.AgentId == Owner, $"Owner {callback.Ownership.AgentId}, model {Owner}.");
            Check(callback.DueAt == DueAt, $"Due at {callback.DueAt}, model {DueAt}.");
            Check(callback.AttemptNumber == (State is CallbackState.InProgress or CallbackState.WrapUp ? Attempts : Attempts + 1), "Attempt number.");
            Check(callback.IsTerminal == (callback.EndReason is not null), "End reason out of step with the state.");
            Check((callback.CurrentOffer is not null) == (State is CallbackState.Offered || InSession), "Current offer out of step with the state.");
            Check(callback.CurrentOffer is null || callback.CurrentOffer.AgentId == Holder, "Offer agent.");
            var sequences = f.Events.Where(e => e.CallbackId == callback.Id).Select(static e => e.Sequence).ToList();
            Check(sequences.SequenceEqual(Enumerable.Range(1, sequences.Count).Select(static i => (long)i)), "Sequences are not gapless.");
            Check(callback.Attempts.Select(static a => a.Number).SequenceEqual(Enumerable.Range(1, callback.Attempts.Count)), "Attempt numbers.");
            Check(callback.Attempts.Take(Math.Max(0, callback.Attempts.Count - 1)).All(static a => a.Result is not null && a.EndedAt is not null), "An earlier attempt is still open.");
        }

        private void MarkDone(Instant now, CallbackOptions options)
        {
            if (Pending is { } pending)
            {
                Pending = null;
                Schedule(pending.At, pending.Owner, rescheduled: true);
            }
            else if (LastResult == CallbackAttemptResult.Reached)
            {
                End(CallbackState.Completed);
            }
            else if (LastResult is CallbackAttemptResult.InvalidNumber or CallbackAttemptResult.WrongNumber || Attempts >= options.MaxAttempts)
            {
                End(CallbackState.Failed);
            }
            else
            {
                Schedule(now + options.RetryDelay, Owner, rescheduled: false);
            }
        }

        private void Schedule(Instant at, string? owner, bool rescheduled)
        {
            State = CallbackState.Scheduled;
            DueAt = at;
            Owner = owner;
            Rescheduled = rescheduled;
            Holder = null;
        }

        private void End(CallbackState state)
        {
            State = state;
            Pending = null;
            Holder = null;
        }
    }
}
