using ContactCenter.Core.StateMachines;

namespace ContactCenter.Core.Campaigns;

/// <summary>The campaign's and the calling record's state machines: built once, shared by every instance.</summary>
internal static class CampaignMachines
{
    internal const string ModeIsPreview = "the mode is Preview";
    internal const string ModeIsPushPreview = "the mode is PushPreview";
    internal const string ModeIsDialer = "the mode is Progressive or Predictive";
    internal const string EveryRecordFinal = "every record is done";

    internal static StateMachineDefinition<CampaignState, CampaignTrigger, Campaign> Campaign { get; } = BuildCampaign();

    internal static StateMachineDefinition<CallingRecordState, CallingRecordTrigger, CallingRecord> Record { get; } = BuildRecord();

    private static StateMachineDefinition<CampaignState, CampaignTrigger, Campaign> BuildCampaign()
    {
        var builder = new StateMachineBuilder<CampaignState, CampaignTrigger, Campaign>();

        builder.Configure(CampaignState.Loaded)
            .Permit(CampaignTrigger.Start, CampaignState.Running)
            .Permit(CampaignTrigger.Stop, CampaignState.Stopped)
            .InternalTransition(CampaignTrigger.SetMode, static (c, _) => c.ApplyMode())
            .InternalTransition(CampaignTrigger.Assign, static (c, _) => c.ApplyAssignment(assigned: true))
            .InternalTransition(CampaignTrigger.Unassign, static (c, _) => c.ApplyAssignment(assigned: false));

        builder.Configure(CampaignState.Running)
            .OnEntry(static (c, t) => c.EmitStateChanged(t), "publish")
            .OnEntryFrom(CampaignTrigger.Start, static (c, _) => c.EmitStarted(), "notify the assigned agents")
            .Permit(CampaignTrigger.Pause, CampaignState.Paused)
            .Permit(CampaignTrigger.Stop, CampaignState.Stopped)
            .PermitIf(CampaignTrigger.ListExhausted, CampaignState.Completed, static c => c.EveryRecordFinal, EveryRecordFinal)
            .InternalTransition(CampaignTrigger.Assign, static (c, _) => c.ApplyAssignment(assigned: true))
            .InternalTransition(CampaignTrigger.Unassign, static (c, _) => c.ApplyAssignment(assigned: false))
            .InternalTransitionIf(CampaignTrigger.RequestPreview, static c => c.Mode == DeliveryMode.Preview, static (_, _) => { }, ModeIsPreview)
            .InternalTransitionIf(CampaignTrigger.PushPreview, static c => c.Mode == DeliveryMode.PushPreview, static (_, _) => { }, ModeIsPushPreview)
            .InternalTransitionIf(
                CampaignTrigger.TakeRecords, static c => c.Mode is DeliveryMode.Progressive or DeliveryMode.Predictive, static (_, _) => { }, ModeIsDialer);

        builder.Configure(CampaignState.Paused)
            .OnEntry(static (c, t) => c.EmitStateChanged(t), "publish")
            .Permit(CampaignTrigger.Resume, CampaignState.Running)
            .Permit(CampaignTrigger.Stop, CampaignState.Stopped)
            .PermitIf(CampaignTrigger.ListExhausted, CampaignState.Completed, static c => c.EveryRecordFinal, EveryRecordFinal)
            .InternalTransition(CampaignTrigger.SetMode, static (c, _) => c.ApplyMode())
            .InternalTransition(CampaignTrigger.Assign, static (c, _) => c.ApplyAssignment(assigned: true))
            .InternalTransition(CampaignTrigger.Unassign, static (c, _) => c.ApplyAssignment(assigned: false));

        builder.Configure(CampaignState.Stopped)
            .OnEntry(static (c, t) => c.EmitStateChanged(t), "publish");

        builder.Configure(CampaignState.Completed)
            .OnEntry(static (c, t) => c.EmitStateChanged(t), "publish");

        return builder.Build(CampaignState.Loaded);
    }

    private static StateMachineDefinition<CallingRecordState, CallingRecordTrigger, CallingRecord> BuildRecord()
    {
        var builder = new StateMachineBuilder<CallingRecordState, CallingRecordTrigger, CallingRecord>();
        CallingRecordState[] afterResult = [CallingRecordState.Scheduled, CallingRecordState.Done];
        CallingRecordState[] afterTimeout = [CallingRecordState.Dialing, CallingRecordState.Ready];

        builder.Configure(CallingRecordState.Ready)
            .OnEntry(static (r, t) => r.EmitStateChanged(t), "publish")
            .OnEntryFrom(CallingRecordTrigger.Skip, static (r, _) => r.EnterSkipped(), "count the skip; back after the other ready records")
            .OnEntryFrom(CallingRecordTrigger.PreviewTimedOut, static (r, _) => r.ReturnToList(), "no number may be dialled: back to the list, waiting")
            .Permit(CallingRecordTrigger.Deliver, CallingRecordState.Delivered)
            .Permit(CallingRecordTrigger.Take, CallingRecordState.Dialing);

        builder.Configure(CallingRecordState.Scheduled)
            .OnEntry(static r => r.EnterScheduled(), "set the retry instant")
            .OnEntry(static (r, t) => r.EmitStateChanged(t), "publish")
            .OnEntry(static r => r.EmitRetryScheduled(), "publish the retry")
            .Permit(CallingRecordTrigger.Deliver, CallingRecordState.Delivered)
            .Permit(CallingRecordTrigger.Take, CallingRecordState.Dialing);

        builder.Configure(CallingRecordState.Delivered)
            .OnEntry(static r => r.EnterDelivered(), "hold for the agent")
            .OnEntry(static (r, t) => r.EmitStateChanged(t), "publish")
            .Permit(CallingRecordTrigger.Accept, CallingRecordState.Previewing)
            .Permit(CallingRecordTrigger.Skip, CallingRecordState.Ready);

        builder.Configure(CallingRecordState.Previewing)
            .OnEntry(static (r, t) => r.EmitStateChanged(t), "publish")
            .OnEntry(static r => r.StartPreviewTimer(), "arm the preview timeout")
            .OnExit(static r => r.StopPreviewTimer(), "stop the preview timeout")
            .Permit(CallingRecordTrigger.Skip, CallingRecordState.Ready)
            .Permit(CallingRecordTrigger.Dial, CallingRecordState.Dialing)
            .Permit(CallingRecordTrigger.Complete, CallingRecordState.Done)
            .PermitDynamic(CallingRecordTrigger.PreviewTimedOut, static r => r.ArgDestination, afterTimeout, "a number may be dialled ? Dialing : Ready");

        builder.Configure(CallingRecordState.Dialing)
            .OnEntry(static r => r.OpenAttempt(), "open an attempt")
            .OnEntry(static (r, t) => r.EmitStateChanged(t), "publish")
            .OnEntry(static r => r.EmitDialled(), "publish the call to place")
            .OnExit(static (r, t) => r.ExitDialing(t), "record the result")
            .Permit(CallingRecordTrigger.Connect, CallingRecordState.Connected)
            .PermitDynamic(CallingRecordTrigger.RecordResult, static r => r.ArgDestination, afterResult, "retry rule allows ? Scheduled : Done");

        builder.Configure(CallingRecordState.Connected)
            .OnEntry(static (r, t) => r.EmitStateChanged(t), "publish")
            .OnExit(static r => r.CloseAttempt(), "end the connected attempt")
            .Permit(CallingRecordTrigger.Complete, CallingRecordState.Done)
            .Permit(CallingRecordTrigger.Reschedule, CallingRecordState.Scheduled);

        builder.Configure(CallingRecordState.Done)
            .OnEntry(static r => r.EnterDone(), "set the disposition")
            .OnEntry(static (r, t) => r.EmitStateChanged(t), "publish")
            .OnEntry(static r => r.EmitCompleted(), "publish the disposition");

        return builder.Build(CallingRecordState.Ready);
    }
}
