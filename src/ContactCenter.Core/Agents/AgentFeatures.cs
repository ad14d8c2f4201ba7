using System;

namespace ContactCenter.Core.Agents;

/// <summary>Optional features a centre enables per agent assignment.</summary>
[Flags]
public enum AgentFeatures
{
    /// <summary>No optional feature.</summary>
    None = 0,

    /// <summary>The agent may receive callbacks (offered by the callback dispatcher).</summary>
    Callbacks = 1,
}
