namespace ContactCenter.Core.Compliance;

/// <summary>
/// Why a call is placed. Calling-window laws differ by purpose: a callback the customer asked for is
/// not a solicitation.
/// </summary>
public enum CallPurpose
{
    /// <summary>Telemarketing: selling or promoting goods or services to someone who did not ask.</summary>
    Solicitation = 0,

    /// <summary>A call back that the called person requested (web callback, scheduled callback).</summary>
    RequestedCallback,

    /// <summary>Service or informational call about an existing relationship (appointment, delivery, account).</summary>
    Service,

    /// <summary>Debt collection.</summary>
    Collection,
}
