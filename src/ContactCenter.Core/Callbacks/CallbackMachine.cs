using ContactCenter.Core.StateMachines;

namespace ContactCenter.Core.Callbacks;

/// <summary>The callback's state machine: built once, shared by every <see cref="Callback"/>.</summary>
internal static class CallbackMachine
{
    internal const string HasPendingReschedule = "a reschedule is pending";
    internal const string WasRescheduled = "the callback was rescheduled";

    private static readonly StateMachineDefinition<CallbackState, CallbackTrigger, CallbackMachineContext> s_definition = Build();

    internal static StateMachineDefinition<CallbackState, CallbackTrigger, CallbackMachineContext> Definition => s_definition;

    private static StateMachineDefinition<CallbackState, CallbackTrigger, CallbackMachineContext> Build()
    {
        var builder = new StateMachineBuilder<CallbackState, CallbackTrigger, CallbackMachineContext>();
        CallbackState[] afterDone = [CallbackState.Scheduled, CallbackState.Completed, CallbackState.Failed];

        builder.Configure(CallbackState.Scheduled)
            .OnEntry(static (ctx, t) => ctx.EmitStateChanged(t), "publish")
            .OnEntry(static (ctx, t) => ctx.EnterScheduled(t), "apply the reschedule (or the retry) and arm the due timer")
            .OnExit(static ctx => ctx.ExitScheduled(), "stop the due timer")
            .Permit(CallbackTrigger.MarkDue, CallbackState.Due)
            .InternalTransition(CallbackTrigger.Reschedule, static (ctx, _) => ctx.RescheduleWhileScheduled())
            .PermitIf(CallbackTrigger.Unschedule, CallbackState.Cancelled, static ctx => ctx.IsRescheduled, WasRescheduled)
            .Permit(CallbackTrigger.Cancel, CallbackState.Cancelled)
            .Permit(CallbackTrigger.WindowExpired, CallbackState.Failed);

        builder.Configure(CallbackState.Due)
            .OnEntryFrom(CallbackTrigger.MarkDue, static (ctx, _) => ctx.EnterDuePeriod(), "start the due period: queue position and preferred-agent wait")
            .OnEntry(static (ctx, t) => ctx.EmitStateChanged(t), "publish")
            .Permit(CallbackTrigger.Offer, CallbackState.Offered)
            .Permit(CallbackTrigger.Reschedule, CallbackState.Scheduled)
            .Permit(CallbackTrigger.Cancel, CallbackState.Cancelled)
            .Permit(CallbackTrigger.WindowExpired, CallbackState.Failed);

        builder.Configure(CallbackState.Offered)
            .OnEntry(static (ctx, t) => ctx.EmitStateChanged(t), "publish")
            .OnEntryFrom(CallbackTrigger.Offer, static (ctx, _) => ctx.RecordOffer(), "record the offer")
            .OnExit(static (ctx, t) => ctx.EndOffer(t), "end the offer (accepted, declined, timed out or withdrawn)")
            .Permit(CallbackTrigger.Accept, CallbackState.Accepted)
            .Permit(CallbackTrigger.Decline, CallbackState.Due)
            .Permit(CallbackTrigger.OfferTimedOut, CallbackState.Due)
            .Permit(CallbackTrigger.WithdrawOffer, CallbackState.Due)
            .Permit(CallbackTrigger.Cancel, CallbackState.Cancelled)
            .Permit(CallbackTrigger.WindowExpired, CallbackState.Failed);

        builder.Configure(CallbackState.Accepted)
            .OnEntry(static (ctx, t) => ctx.EmitStateChanged(t), "publish")
            .Permit(CallbackTrigger.Dial, CallbackState.InProgress)
            .InternalTransition(CallbackTrigger.Reschedule, static (ctx, _) => ctx.SetPendingReschedule())
            .InternalTransitionIf(CallbackTrigger.Unschedule, static ctx => ctx.HasPendingReschedule, static (ctx, _) => ctx.WithdrawPendingReschedule(), HasPendingReschedule)
            .PermitIf(CallbackTrigger.MarkDone, CallbackState.Scheduled, static ctx => ctx.HasPendingReschedule, HasPendingReschedule)
            .Permit(CallbackTrigger.Cancel, CallbackState.Cancelled);

        builder.Configure(CallbackState.InProgress)
            .OnEntry(static (ctx, t) => ctx.EmitStateChanged(t), "publish")
            .OnEntryFrom(CallbackTrigger.Dial, static (ctx, _) => ctx.OpenAttempt(), "open an attempt")
            .OnExit(static ctx => ctx.CloseAttempt(), "close the attempt with its result")
            .Permit(CallbackTrigger.RecordResult, CallbackState.WrapUp)
            .InternalTransition(CallbackTrigger.Reschedule, static (ctx, _) => ctx.SetPendingReschedule())
            .InternalTransitionIf(CallbackTrigger.Unschedule, static ctx => ctx.HasPendingReschedule, static (ctx, _) => ctx.WithdrawPendingReschedule(), HasPendingReschedule);

        builder.Configure(CallbackState.WrapUp)
            .OnEntry(static (ctx, t) => ctx.EmitStateChanged(t), "publish")
            .InternalTransition(CallbackTrigger.Reschedule, static (ctx, _) => ctx.SetPendingReschedule())
            .InternalTransitionIf(CallbackTrigger.Unschedule, static ctx => ctx.HasPendingReschedule, static (ctx, _) => ctx.WithdrawPendingReschedule(), HasPendingReschedule)
            .PermitDynamic(CallbackTrigger.MarkDone, static ctx => ctx.StateAfterDone(), afterDone,
                "pending reschedule or retry ? Scheduled : reached ? Completed : Failed")
            .Permit(CallbackTrigger.Cancel, CallbackState.Cancelled);

        foreach (var terminal in (CallbackState[])[CallbackState.Completed, CallbackState.Cancelled, CallbackState.Failed])
        {
            builder.Configure(terminal)
                .OnEntry(static (ctx, t) => ctx.EnterTerminal(t), "set the end reason; stop every timer")
                .OnEntry(static (ctx, t) => ctx.EmitStateChanged(t), "publish");
        }

        return builder.Build(CallbackState.Scheduled);
    }
}
