using ContactCenter.Core.StateMachines;

namespace ContactCenter.Core.Agents;

/// <summary>The agent's state machine: built once, shared by every <see cref="Agent"/>.</summary>
internal static class AgentMachine
{
    internal const string HasOffer = "an offer is pending";
    internal const string HasIntent = "a deferred intent is pending";
    internal const string HasInteractions = "the agent has an interaction";
    internal const string NoLogoutPending = "no logout is pending";
    internal const string HasSpareCapacity = "the agent has spare capacity";
    internal const string CanReserveWhileBusy = "no offer or deferred intent is pending and the agent has spare capacity";
    internal const string CanExtend = "after-call work was extended fewer times than allowed";

    private static readonly StateMachineDefinition<AgentState, AgentTrigger, AgentMachineContext> s_definition = Build();

    internal static StateMachineDefinition<AgentState, AgentTrigger, AgentMachineContext> Definition => s_definition;

    private static StateMachineDefinition<AgentState, AgentTrigger, AgentMachineContext> Build()
    {
        var builder = new StateMachineBuilder<AgentState, AgentTrigger, AgentMachineContext>();
        AgentState[] afterMiss = [AgentState.Ready, AgentState.NotReady];
        AgentState[] resting = [AgentState.Busy, AgentState.Reserved, AgentState.LogoutPending, AgentState.LoggedOut, AgentState.NotReady, AgentState.Ready];

        builder.Configure(AgentState.LoggedOut)
            .OnEntry(static ctx => ctx.EnterLoggedOut(), "end offers, timers and grant a pending logout")
            .OnEntry(static (ctx, t) => ctx.EmitStateChanged(t), "publish")
            .Permit(AgentTrigger.LogIn, AgentState.NotReady);

        builder.Configure(AgentState.NotReady)
            .OnEntry(static (ctx, t) => ctx.EnterNotReady(t), "set the reason (granting a pending not-ready intent)")
            .OnEntry(static (ctx, t) => ctx.EmitStateChanged(t), "publish")
            .Permit(AgentTrigger.SetReady, AgentState.Ready)
            .PermitReentry(AgentTrigger.SetNotReady)
            .Permit(AgentTrigger.LogOut, AgentState.LoggedOut);

        builder.Configure(AgentState.Ready)
            .OnEntry(static (ctx, t) => ctx.EmitStateChanged(t), "publish")
            .Permit(AgentTrigger.SetNotReady, AgentState.NotReady)
            .Permit(AgentTrigger.LogOut, AgentState.LoggedOut)
            .Permit(AgentTrigger.Reserve, AgentState.Reserved)
            .Permit(AgentTrigger.StartInteraction, AgentState.Busy);

        builder.Configure(AgentState.Reserved)
            .OnEntry(static (ctx, t) => ctx.EmitStateChanged(t), "publish")
            .OnEntryFrom(AgentTrigger.Reserve, static (ctx, _) => ctx.RecordOffer(), "record the offer and start its timeout")
            .OnExit(static (ctx, t) => ctx.ResolveOffer(t.Trigger, countMisses: true), "end the offer (accepted, missed or released)")
            .Permit(AgentTrigger.AcceptOffer, AgentState.Busy)
            .PermitDynamic(AgentTrigger.RejectOffer, static ctx => ctx.StateAfterMiss(), afterMiss, "missed offers reach the limit, or not ready was requested ? NotReady : Ready")
            .PermitDynamic(AgentTrigger.OfferTimedOut, static ctx => ctx.StateAfterMiss(), afterMiss, "missed offers reach the limit, or not ready was requested ? NotReady : Ready")
            .PermitDynamic(AgentTrigger.ReleaseReservation, static ctx => ctx.StateAfterRelease(), afterMiss, "not ready was requested ? NotReady : Ready")
            .Permit(AgentTrigger.LogOut, AgentState.LogoutPending)
            .InternalTransitionIf(AgentTrigger.SetNotReady, static ctx => ctx.NoLogoutPending, static (ctx, _) => ctx.RequestIntent(DeferredIntentKind.NotReady, ctx.ArgReason, DeferredIntentOrigin.Agent), NoLogoutPending)
            .InternalTransitionIf(AgentTrigger.CancelIntent, static ctx => ctx.HasIntent, static (ctx, _) => ctx.ResolveIntent(DeferredIntentStatus.Cancelled), HasIntent)
            .InternalTransitionIf(AgentTrigger.OverrideIntent, static ctx => ctx.HasIntent, static (ctx, _) => ctx.ResolveIntent(DeferredIntentStatus.Overridden), HasIntent);

        builder.Configure(AgentState.LogoutPending)
            .OnEntry(static ctx => ctx.EnterLogoutPending(), "set the deadline and start the countdown")
            .OnEntry(static (ctx, t) => ctx.EmitStateChanged(t), "publish")
            .OnExit(static (ctx, t) => ctx.ExitLogoutPending(t), "stop the countdown; end the offer or the intent")
            .Permit(AgentTrigger.AcceptOffer, AgentState.Busy)
            .Permit(AgentTrigger.RejectOffer, AgentState.LoggedOut)
            .Permit(AgentTrigger.OfferTimedOut, AgentState.LoggedOut)
            .Permit(AgentTrigger.ReleaseReservation, AgentState.LoggedOut)
            .Permit(AgentTrigger.LogoutDeadlineReached, AgentState.LoggedOut)
            .Permit(AgentTrigger.CancelIntent, AgentState.Reserved)
            .Permit(AgentTrigger.OverrideIntent, AgentState.Reserved);

        builder.Configure(AgentState.Busy)
            .OnEntry(static (ctx, t) => ctx.EmitStateChanged(t), "publish")
            .OnEntryFrom(AgentTrigger.StartInteraction, static (ctx, _) => ctx.StartInteraction(), "add the interaction")
            .OnExit(static (ctx, t) =>
            {
                if (t.Trigger == AgentTrigger.EndInteraction)
                {
                    ctx.RemoveInteraction();
                }
            }, "remove the ended interaction")
            .InternalTransitionIf(AgentTrigger.StartInteraction, static ctx => ctx.HasSpareCapacity, static (ctx, _) => ctx.StartInteraction(), HasSpareCapacity)
            .InternalTransitionIf(AgentTrigger.Reserve, static ctx => ctx.CanReserveWhileBusy, static (ctx, _) => ctx.RecordOffer(), CanReserveWhileBusy)
            .InternalTransitionIf(AgentTrigger.AcceptOffer, static ctx => ctx.HasOffer, static (ctx, t) => ctx.ResolveOffer(t.Trigger, countMisses: true), HasOffer)
            .InternalTransitionIf(AgentTrigger.RejectOffer, static ctx => ctx.HasOffer, static (ctx, t) => ctx.ResolveOffer(t.Trigger, countMisses: true), HasOffer)
            .InternalTransitionIf(AgentTrigger.OfferTimedOut, static ctx => ctx.HasOffer, static (ctx, t) => ctx.ResolveOffer(t.Trigger, countMisses: true), HasOffer)
            .InternalTransitionIf(AgentTrigger.ReleaseReservation, static ctx => ctx.HasOffer, static (ctx, t) => ctx.ResolveOffer(t.Trigger, countMisses: true), HasOffer)
            .PermitDynamic(AgentTrigger.EndInteraction, static ctx => ctx.StateAfterEnding(), [.. resting, AgentState.AfterCallWork], "last voice call ended ? AfterCallWork : resting state")
            .InternalTransitionIf(AgentTrigger.SetNotReady, static ctx => ctx.NoLogoutPending, static (ctx, _) => ctx.RequestIntent(DeferredIntentKind.NotReady, ctx.ArgReason, DeferredIntentOrigin.Agent), NoLogoutPending)
            .InternalTransitionIf(AgentTrigger.LogOut, static ctx => ctx.NoLogoutPending, static (ctx, _) => ctx.RequestIntent(DeferredIntentKind.LogOut, null, DeferredIntentOrigin.Agent), NoLogoutPending)
            .InternalTransitionIf(AgentTrigger.CancelIntent, static ctx => ctx.HasIntent, static (ctx, _) => ctx.ResolveIntent(DeferredIntentStatus.Cancelled), HasIntent)
            .InternalTransitionIf(AgentTrigger.OverrideIntent, static ctx => ctx.HasIntent, static (ctx, _) => ctx.ResolveIntent(DeferredIntentStatus.Overridden), HasIntent);

        builder.Configure(AgentState.AfterCallWork)
            .OnEntry(static (ctx, t) => ctx.EmitStateChanged(t), "publish")
            .OnEntry(static ctx => ctx.EnterAfterCallWork(), "start the after-call work timer (duration per queue)")
            .OnExit(static (ctx, t) => ctx.ExitAfterCallWork(t), "stop the timer")
            .InternalTransitionIf(AgentTrigger.ExtendAfterCallWork, static ctx => ctx.CanExtendAfterCallWork, static (ctx, _) => ctx.ExtendAfterCallWork(), CanExtend)
            .PermitDynamic(AgentTrigger.EndAfterCallWork, static ctx => ctx.StateAfterAfterCallWork(), resting, "resting state")
            .PermitDynamic(AgentTrigger.AfterCallWorkTimedOut, static ctx => ctx.StateAfterAfterCallWork(), resting, "resting state")
            .PermitDynamic(AgentTrigger.SetReady, static ctx => ctx.StateAfterReadyFromAfterCallWork(), [AgentState.Busy, AgentState.Reserved, AgentState.Ready], "cancel the intent; Busy, Reserved or Ready")
            .InternalTransitionIf(AgentTrigger.EndInteraction, static ctx => ctx.HasInteractions, static (ctx, _) => ctx.RemoveInteraction(), HasInteractions)
            .PermitIf(AgentTrigger.AcceptOffer, AgentState.Busy, static ctx => ctx.HasOffer, HasOffer)
            .InternalTransitionIf(AgentTrigger.RejectOffer, static ctx => ctx.HasOffer, static (ctx, t) => ctx.ResolveOffer(t.Trigger, countMisses: true), HasOffer)
            .InternalTransitionIf(AgentTrigger.OfferTimedOut, static ctx => ctx.HasOffer, static (ctx, t) => ctx.ResolveOffer(t.Trigger, countMisses: true), HasOffer)
            .InternalTransitionIf(AgentTrigger.ReleaseReservation, static ctx => ctx.HasOffer, static (ctx, t) => ctx.ResolveOffer(t.Trigger, countMisses: true), HasOffer)
            .InternalTransitionIf(AgentTrigger.SetNotReady, static ctx => ctx.NoLogoutPending, static (ctx, _) => ctx.RequestIntent(DeferredIntentKind.NotReady, ctx.ArgReason, DeferredIntentOrigin.Agent), NoLogoutPending)
            .InternalTransitionIf(AgentTrigger.LogOut, static ctx => ctx.NoLogoutPending, static (ctx, _) => ctx.RequestIntent(DeferredIntentKind.LogOut, null, DeferredIntentOrigin.Agent), NoLogoutPending)
            .InternalTransitionIf(AgentTrigger.CancelIntent, static ctx => ctx.HasIntent, static (ctx, _) => ctx.ResolveIntent(DeferredIntentStatus.Cancelled), HasIntent)
            .InternalTransitionIf(AgentTrigger.OverrideIntent, static ctx => ctx.HasIntent, static (ctx, _) => ctx.ResolveIntent(DeferredIntentStatus.Overridden), HasIntent);

        return builder.Build(AgentState.LoggedOut);
    }
}
