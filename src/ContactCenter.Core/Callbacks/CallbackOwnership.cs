using System;
using ContactCenter.Core.Internal;

namespace ContactCenter.Core.Callbacks;

/// <summary>Whether a callback belongs to one agent or to the queue (or campaign) it is in.</summary>
public enum CallbackOwnershipKind
{
    /// <summary>Any eligible agent may take it (for a campaign callback: any agent of the campaign).</summary>
    Shared,

    /// <summary>Only its owner calls back.</summary>
    Personal,
}

/// <summary>
/// Who may take a callback: <see cref="Shared"/>, or <see cref="Personal(string)"/> to one agent, which is then the
/// only agent it is ever offered to.
/// </summary>
public sealed record CallbackOwnership
{
    private CallbackOwnership(CallbackOwnershipKind kind, string? agentId)
    {
        Kind = kind;
        AgentId = agentId;
    }

    /// <summary>Any eligible agent may take the callback.</summary>
    public static CallbackOwnership Shared { get; } = new(CallbackOwnershipKind.Shared, null);

    /// <summary>Shared or personal.</summary>
    public CallbackOwnershipKind Kind { get; }

    /// <summary>The owner of a personal callback; <see langword="null"/> when shared.</summary>
    public string? AgentId { get; }

    /// <summary>Whether only <see cref="AgentId"/> may take the callback.</summary>
    public bool IsPersonal => Kind == CallbackOwnershipKind.Personal;

    /// <summary>A personal callback: only <paramref name="agentId"/> calls back.</summary>
    /// <param name="agentId">The owner.</param>
    /// <returns>The ownership.</returns>
    /// <exception cref="ArgumentException"><paramref name="agentId"/> is blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="agentId"/> is null.</exception>
    public static CallbackOwnership Personal(string agentId)
    {
        Guard.NotNull(agentId);
        if (string.IsNullOrWhiteSpace(agentId))
        {
            throw new ArgumentException("The owner of a personal callback must not be blank.", nameof(agentId));
        }

        return new CallbackOwnership(CallbackOwnershipKind.Personal, agentId);
    }

    /// <inheritdoc />
    public override string ToString() => IsPersonal ? $"Personal({AgentId})" : "Shared";
}
