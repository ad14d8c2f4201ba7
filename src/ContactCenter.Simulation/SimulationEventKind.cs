namespace ContactCenter.Simulation;

/// <summary>What a <see cref="SimulationEvent"/> records.</summary>
public enum SimulationEventKind
{
    /// <summary>A real agent changed state (<see cref="SimulationEvent.Previous"/> → <see cref="SimulationEvent.Current"/>).</summary>
    AgentStateChanged,

    /// <summary>The dialer placed a call; it rings.</summary>
    CallPlaced,

    /// <summary>A live person answered; the call waits for an agent.</summary>
    CallAnsweredLive,

    /// <summary>An answering machine picked up; the dialer hung up.</summary>
    CallAnsweringMachine,

    /// <summary>The line was busy.</summary>
    CallBusy,

    /// <summary>The number was invalid.</summary>
    CallInvalid,

    /// <summary>Nobody answered: the call rang out.</summary>
    CallNoAnswer,

    /// <summary>A live call was connected to an agent (<see cref="SimulationEvent.Agent"/>).</summary>
    CallConnected,

    /// <summary>A live call waited longer than the abandon threshold: the contact hung up before any agent was connected.</summary>
    CallAbandoned,

    /// <summary>A connected call ended: the contact hung up after talking; the agent starts its wrap-up.</summary>
    CallEnded,

    /// <summary>A real agent or interaction refused a command of the harness (a defect of the harness or of the SDK).</summary>
    CommandRefused,
}
