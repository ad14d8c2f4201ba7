using System.Threading;

namespace ContactCenter.Core.StateMachines;

/// <summary>
/// One asynchronous firing under way, linked to the firings it runs inside of. The chain of the
/// current async flow tells any machine — of any state, trigger or context type — that a
/// <c>FireAsync</c> made from inside an action belongs to one of its own firings and must be queued.
/// </summary>
internal sealed class FiringScope
{
    private static readonly AsyncLocal<FiringScope?> s_current = new();

    public FiringScope(FiringScope? outer) => Outer = outer;

    /// <summary>The innermost asynchronous firing of the current async flow, if any.</summary>
    public static FiringScope? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    /// <summary>The firing this one runs inside of.</summary>
    public FiringScope? Outer { get; }
}
