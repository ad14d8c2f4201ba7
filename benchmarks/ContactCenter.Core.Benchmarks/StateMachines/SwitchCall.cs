using System;

namespace ContactCenter.Core.Benchmarks.StateMachines;

/// <summary>
/// The hand-written equivalent of <see cref="PhoneCall"/>: the same states, transitions, guards,
/// superstate fall-back, counting entry actions and Complete argument, as nested <c>switch</c>
/// statements. It has no run-to-completion queue, no thread gate and no transition stream.
/// <see cref="EquivalenceCheck"/> proves it behaves like the engine's definition.
/// </summary>
public sealed class SwitchCall
{
    private readonly Call _call;

    public SwitchCall(Call call, CallState state = CallState.Idle)
    {
        _call = call;
        State = state;
    }

    public CallState State { get; private set; }

    public void Fire(CallTrigger trigger)
    {
        switch (State)
        {
            case CallState.Idle:
                if (trigger == CallTrigger.Dial)
                {
                    Enter(CallState.Ringing);
                    return;
                }

                break;
            case CallState.Ringing:
                if (trigger == CallTrigger.Answer && _call.AgentAvailable)
                {
                    Enter(CallState.Connected);
                    return;
                }

                if (trigger == CallTrigger.Abandon)
                {
                    Enter(CallState.Disconnected);
                    return;
                }

                break;
            case CallState.Connected:
                if (FireConnected(trigger))
                {
                    return;
                }

                break;
            case CallState.OnHold:
                if (trigger == CallTrigger.Resume)
                {
                    // Exits OnHold; Connected is kept, so nothing is entered.
                    State = CallState.Connected;
                    return;
                }

                if (FireConnected(trigger))
                {
                    return;
                }

                break;
            case CallState.Consulting:
                if (trigger == CallTrigger.EndConsult)
                {
                    State = CallState.Connected;
                    return;
                }

                if (FireConnected(trigger))
                {
                    return;
                }

                break;
            case CallState.Disconnected:
                if (trigger == CallTrigger.StartWrapUp)
                {
                    Enter(CallState.WrapUp);
                    return;
                }

                if (trigger == CallTrigger.HangUp)
                {
                    return;
                }

                break;
            case CallState.Done:
                if (trigger == CallTrigger.Reset)
                {
                    Enter(CallState.Idle);
                    return;
                }

                break;
        }

        throw new InvalidOperationException($"Trigger {trigger} is not permitted in state {State}.");
    }

    public void Complete(int code)
    {
        if (State == CallState.WrapUp && code > 0)
        {
            State = CallState.Done;
            _call.Entries++;
            _call.Disposition = code;
            return;
        }

        throw new InvalidOperationException($"Trigger {CallTrigger.Complete} is not permitted in state {State}.");
    }

    public bool CanFire(CallTrigger trigger) => State switch
    {
        CallState.Idle => trigger == CallTrigger.Dial,
        CallState.Ringing => (trigger == CallTrigger.Answer && _call.AgentAvailable) || trigger == CallTrigger.Abandon,
        CallState.Connected => CanFireConnected(trigger),
        CallState.OnHold => trigger == CallTrigger.Resume || CanFireConnected(trigger),
        CallState.Consulting => trigger == CallTrigger.EndConsult || CanFireConnected(trigger),
        CallState.Disconnected => trigger is CallTrigger.StartWrapUp or CallTrigger.HangUp,
        CallState.WrapUp => trigger == CallTrigger.Complete,
        CallState.Done => trigger == CallTrigger.Reset,
        _ => false,
    };

    /// <summary>Writes the permitted triggers in ordinal order, like <c>TryGetPermittedTriggers</c>.</summary>
    public bool TryGetPermittedTriggers(Span<CallTrigger> destination, out int written)
    {
        Span<CallTrigger> buffer = stackalloc CallTrigger[4];
        int count = 0;
        switch (State)
        {
            case CallState.Idle:
                buffer[count++] = CallTrigger.Dial;
                break;
            case CallState.Ringing:
                if (_call.AgentAvailable)
                {
                    buffer[count++] = CallTrigger.Answer;
                }

                buffer[count++] = CallTrigger.Abandon;
                break;
            case CallState.Connected:
            case CallState.OnHold:
            case CallState.Consulting:
                buffer[count++] = CallTrigger.Hold;
                if (State == CallState.OnHold)
                {
                    buffer[count++] = CallTrigger.Resume;
                }

                if (_call.ConsultAllowed)
                {
                    buffer[count++] = CallTrigger.Consult;
                }

                if (State == CallState.Consulting)
                {
                    buffer[count++] = CallTrigger.EndConsult;
                }

                buffer[count++] = CallTrigger.HangUp;
                break;
            case CallState.Disconnected:
                buffer[count++] = CallTrigger.HangUp;
                buffer[count++] = CallTrigger.StartWrapUp;
                break;
            case CallState.WrapUp:
                buffer[count++] = CallTrigger.Complete;
                break;
            case CallState.Done:
                buffer[count++] = CallTrigger.Reset;
                break;
        }

        if (!buffer[..count].TryCopyTo(destination))
        {
            written = 0;
            return false;
        }

        written = count;
        return true;
    }

    private bool CanFireConnected(CallTrigger trigger) =>
        trigger is CallTrigger.Hold or CallTrigger.HangUp || (trigger == CallTrigger.Consult && _call.ConsultAllowed);

    /// <summary>The behaviours of the superstate Connected, reached from Connected, OnHold and Consulting.</summary>
    private bool FireConnected(CallTrigger trigger)
    {
        switch (trigger)
        {
            case CallTrigger.Hold:
                // From OnHold this re-enters OnHold (exit OnHold, enter OnHold), as the engine does.
                Enter(CallState.OnHold);
                return true;
            case CallTrigger.Consult when _call.ConsultAllowed:
                Enter(CallState.Consulting);
                return true;
            case CallTrigger.HangUp:
                Enter(CallState.Disconnected);
                return true;
            default:
                return false;
        }
    }

    private void Enter(CallState state)
    {
        State = state;
        _call.Entries++;
    }
}
