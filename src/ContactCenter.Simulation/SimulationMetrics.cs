using System;
using System.Collections.Generic;
using System.Globalization;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Internal;
using NodaTime;

namespace ContactCenter.Simulation;

/// <summary>
/// The metrics of a shift (or any window of it), computed from a run's event log by <see cref="Compute"/>,
/// so that they can always be recounted from <see cref="SimulationReport.Events"/>.
/// </summary>
/// <remarks>
/// <para>Agent times are the time the real agents spent in each state, clipped to the window: logged in is every
/// state but <see cref="AgentState.LoggedOut"/>; talk is <see cref="AgentState.Busy"/>; wrap-up is
/// <see cref="AgentState.AfterCallWork"/>; waiting is <see cref="AgentState.Ready"/>. Counts are of events whose
/// instant lies in the window (half-open: start included, end excluded).</para>
/// <para>Definitions: occupancy = talk ÷ logged in; utilisation = (talk + wrap-up) ÷ logged in; talk minutes per
/// agent hour = talk minutes ÷ logged-in hours; dials per agent hour = calls placed ÷ logged-in hours; abandon
/// rate = abandoned ÷ live answers (the legal definition: answering machines, busy lines, invalid numbers and no
/// answers are in neither count); agent wait per connected call = time ready ÷ calls connected. A ratio with a
/// zero denominator is 0.</para>
/// </remarks>
public sealed record SimulationMetrics
{
    /// <summary>The window the metrics cover.</summary>
    public Interval Window { get; init; }

    /// <summary>Agents logged in at some time in the window.</summary>
    public int Agents { get; init; }

    /// <summary>Total time the agents were logged in.</summary>
    public Duration LoggedInTime { get; init; }

    /// <summary>Total time the agents talked.</summary>
    public Duration TalkTime { get; init; }

    /// <summary>Total time the agents spent in after-call work.</summary>
    public Duration WrapUpTime { get; init; }

    /// <summary>Total time the agents were ready and waiting for a call.</summary>
    public Duration ReadyTime { get; init; }

    /// <summary>Total time the agents were logged in but not ready.</summary>
    public Duration NotReadyTime { get; init; }

    /// <summary>Calls placed.</summary>
    public long CallsPlaced { get; init; }

    /// <summary>Live answers.</summary>
    public long LiveAnswers { get; init; }

    /// <summary>Answering machines.</summary>
    public long AnsweringMachines { get; init; }

    /// <summary>Busy lines.</summary>
    public long BusyLines { get; init; }

    /// <summary>Invalid numbers.</summary>
    public long InvalidNumbers { get; init; }

    /// <summary>Calls that rang out unanswered.</summary>
    public long NoAnswers { get; init; }

    /// <summary>Live answers connected to an agent.</summary>
    public long Connected { get; init; }

    /// <summary>Live answers abandoned (the contact hung up before an agent was connected).</summary>
    public long Abandoned { get; init; }

    /// <summary>Connected calls that ended.</summary>
    public long CallsEnded { get; init; }

    /// <summary>Commands the real agents or interactions refused (0 in a sound run).</summary>
    public long RefusedCommands { get; init; }

    /// <summary>The mean wait of a connected contact, from live answer to connection.</summary>
    public Duration MeanContactWait { get; init; }

    /// <summary>The longest wait of a connected contact, from live answer to connection.</summary>
    public Duration MaxContactWait { get; init; }

    /// <summary>Logged-in agent hours.</summary>
    public double AgentHours => LoggedInTime.TotalHours;

    /// <summary>Talk ÷ logged-in time.</summary>
    public double Occupancy => Ratio(TalkTime.TotalSeconds, LoggedInTime.TotalSeconds);

    /// <summary>(Talk + wrap-up) ÷ logged-in time.</summary>
    public double Utilisation => Ratio((TalkTime + WrapUpTime).TotalSeconds, LoggedInTime.TotalSeconds);

    /// <summary>Talk minutes per logged-in agent hour.</summary>
    public double TalkMinutesPerAgentHour => Ratio(TalkTime.TotalMinutes, AgentHours);

    /// <summary>Calls placed per logged-in agent hour.</summary>
    public double DialsPerAgentHour => Ratio(CallsPlaced, AgentHours);

    /// <summary>Abandoned ÷ live answers.</summary>
    public double AbandonRate => Ratio(Abandoned, LiveAnswers);

    /// <summary>Time ready ÷ calls connected.</summary>
    public Duration AgentWaitPerConnectedCall => Connected == 0 ? Duration.Zero : Duration.FromTicks(ReadyTime.BclCompatibleTicks / Connected);

    /// <summary>Computes the metrics of <paramref name="window"/> from an event log.</summary>
    /// <param name="events">The log, in order (a run's <see cref="SimulationReport.Events"/>).</param>
    /// <param name="window">The window; agent states entered before it count from its start.</param>
    /// <returns>The metrics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is null.</exception>
    public static SimulationMetrics Compute(IReadOnlyList<SimulationEvent> events, Interval window)
    {
        Guard.NotNull(events);
        var stateTime = new Duration[(int)AgentState.LogoutPending + 1];
        var agents = new Dictionary<int, (AgentState State, Instant Since)>();
        var present = new HashSet<int>();
        var answeredAt = new Dictionary<long, Instant>();
        long placed = 0, live = 0, machines = 0, busy = 0, invalid = 0, noAnswer = 0, connected = 0, abandoned = 0, ended = 0, refused = 0;
        var totalWait = Duration.Zero;
        var maxWait = Duration.Zero;

        foreach (var e in events)
        {
            bool inside = window.Contains(e.At);
            switch (e.Kind)
            {
                case SimulationEventKind.AgentStateChanged:
                    if (agents.TryGetValue(e.Agent, out var current) && Accumulate(stateTime, current.State, current.Since, e.At, window))
                    {
                        present.Add(e.Agent);
                    }

                    agents[e.Agent] = (e.Current, e.At);
                    break;
                case SimulationEventKind.CallAnsweredLive:
                    answeredAt[e.CallId] = e.At;
                    live += inside ? 1 : 0;
                    break;
                case SimulationEventKind.CallConnected:
                    if (inside)
                    {
                        connected++;
                        if (answeredAt.TryGetValue(e.CallId, out var answered))
                        {
                            var wait = e.At - answered;
                            totalWait += wait;
                            maxWait = wait > maxWait ? wait : maxWait;
                        }
                    }

                    break;
                case SimulationEventKind.CallPlaced:
                    placed += inside ? 1 : 0;
                    break;
                case SimulationEventKind.CallAnsweringMachine:
                    machines += inside ? 1 : 0;
                    break;
                case SimulationEventKind.CallBusy:
                    busy += inside ? 1 : 0;
                    break;
                case SimulationEventKind.CallInvalid:
                    invalid += inside ? 1 : 0;
                    break;
                case SimulationEventKind.CallNoAnswer:
                    noAnswer += inside ? 1 : 0;
                    break;
                case SimulationEventKind.CallAbandoned:
                    abandoned += inside ? 1 : 0;
                    break;
                case SimulationEventKind.CallEnded:
                    ended += inside ? 1 : 0;
                    break;
                case SimulationEventKind.CommandRefused:
                    refused += inside ? 1 : 0;
                    break;
                default:
                    break;
            }
        }

        foreach (var agent in agents)
        {
            if (Accumulate(stateTime, agent.Value.State, agent.Value.Since, window.End, window))
            {
                present.Add(agent.Key);
            }
        }

        var loggedIn = Duration.Zero;
        for (int s = 0; s < stateTime.Length; s++)
        {
            if ((AgentState)s != AgentState.LoggedOut)
            {
                loggedIn += stateTime[s];
            }
        }

        return new SimulationMetrics
        {
            Window = window,
            Agents = present.Count,
            LoggedInTime = loggedIn,
            TalkTime = stateTime[(int)AgentState.Busy],
            WrapUpTime = stateTime[(int)AgentState.AfterCallWork],
            ReadyTime = stateTime[(int)AgentState.Ready],
            NotReadyTime = stateTime[(int)AgentState.NotReady],
            CallsPlaced = placed,
            LiveAnswers = live,
            AnsweringMachines = machines,
            BusyLines = busy,
            InvalidNumbers = invalid,
            NoAnswers = noAnswer,
            Connected = connected,
            Abandoned = abandoned,
            CallsEnded = ended,
            RefusedCommands = refused,
            MeanContactWait = connected == 0 ? Duration.Zero : Duration.FromTicks(totalWait.BclCompatibleTicks / connected),
            MaxContactWait = maxWait,
        };
    }

    /// <summary>A one-line summary with invariant formatting.</summary>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "agents {0}, agent hours {1:F2}, occupancy {2:P1}, utilisation {3:P1}, talk min/agent h {4:F2}, dials/agent h {5:F1}, placed {6}, live {7}, connected {8}, abandoned {9}, abandon rate {10:P2}, agent wait/connected call {11:F1} s",
        Agents, AgentHours, Occupancy, Utilisation, TalkMinutesPerAgentHour, DialsPerAgentHour, CallsPlaced, LiveAnswers, Connected, Abandoned, AbandonRate, AgentWaitPerConnectedCall.TotalSeconds);

    private static double Ratio(double numerator, double denominator) => denominator > 0d ? numerator / denominator : 0d;

    /// <summary>Adds the part of [since, until) inside the window to the state's time; true when a logged-in state got time.</summary>
    private static bool Accumulate(Duration[] stateTime, AgentState state, Instant since, Instant until, Interval window)
    {
        var from = since > window.Start ? since : window.Start;
        var to = until < window.End ? until : window.End;
        if (to <= from)
        {
            return false;
        }

        stateTime[(int)state] += to - from;
        return state != AgentState.LoggedOut;
    }
}
