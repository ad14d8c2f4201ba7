using NodaTime;

namespace ContactCenter.Simulation;

/// <summary>
/// A not-ready period of a simulated agent (a break, a meeting), relative to the start of the shift. At
/// <see cref="Start"/> the agent asks to go not ready with <see cref="Reason"/> — at once when ready,
/// after the current call and wrap-up otherwise (the real agent's deferred intent) — and at
/// <see cref="Start"/> + <see cref="Length"/> goes ready again (or withdraws the intent if the call is not
/// over yet).
/// </summary>
/// <param name="Start">When the pause starts, from the start of the shift.</param>
/// <param name="Length">How long it lasts.</param>
/// <param name="Reason">The not-ready reason code; one of the agent's <c>NotReadyReasons</c>. Default "Break".</param>
public sealed record AgentPause(Duration Start, Duration Length, string Reason = "Break");
