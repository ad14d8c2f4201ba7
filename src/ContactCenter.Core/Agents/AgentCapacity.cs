using System;
using System.Globalization;
using ContactCenter.Core.Interactions;

namespace ContactCenter.Core.Agents;

/// <summary>
/// How many interactions of each medium an agent handles at once (e.g. one voice call and three chats).
/// Callbacks and outbound campaign calls are voice calls: they count against <see cref="Voice"/>.
/// </summary>
public sealed record AgentCapacity
{
    /// <summary>Creates a capacity.</summary>
    /// <param name="voice">Simultaneous voice calls (voice, callback and outbound campaign media).</param>
    /// <param name="chat">Simultaneous chats.</param>
    /// <param name="email">Simultaneous emails.</param>
    /// <param name="sms">Simultaneous SMS conversations.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative, or all are zero.</exception>
    public AgentCapacity(int voice, int chat = 0, int email = 0, int sms = 0)
    {
        Voice = NotNegative(voice, nameof(voice));
        Chat = NotNegative(chat, nameof(chat));
        Email = NotNegative(email, nameof(email));
        Sms = NotNegative(sms, nameof(sms));
        if (voice + chat + email + sms == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(voice), "An agent capacity must allow at least one interaction of some medium.");
        }
    }

    /// <summary>One voice call, three chats, two emails and three SMS conversations.</summary>
    public static AgentCapacity Default { get; } = new(voice: 1, chat: 3, email: 2, sms: 3);

    /// <summary>Simultaneous voice calls (voice, callback and outbound campaign media).</summary>
    public int Voice { get; }

    /// <summary>Simultaneous chats.</summary>
    public int Chat { get; }

    /// <summary>Simultaneous emails.</summary>
    public int Email { get; }

    /// <summary>Simultaneous SMS conversations.</summary>
    public int Sms { get; }

    /// <summary>Whether <paramref name="media"/> is a voice call (voice, callback, outbound campaign call).</summary>
    /// <param name="media">The medium.</param>
    /// <returns><see langword="true"/> for voice-like media.</returns>
    public static bool IsVoice(MediaType media) =>
        media is MediaType.Voice or MediaType.Callback or MediaType.OutboundCampaign;

    /// <summary>The limit that applies to <paramref name="media"/>.</summary>
    /// <param name="media">The medium.</param>
    /// <returns>How many interactions counted with <paramref name="media"/> the agent may hold at once.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="media"/> is not a defined medium.</exception>
    public int LimitFor(MediaType media) => media switch
    {
        MediaType.Voice or MediaType.Callback or MediaType.OutboundCampaign => Voice,
        MediaType.Chat => Chat,
        MediaType.Email => Email,
        MediaType.Sms => Sms,
        _ => throw new ArgumentOutOfRangeException(nameof(media), media, $"{media} is not a defined medium."),
    };

    /// <summary>Whether two media share one limit (all voice-like media share <see cref="Voice"/>).</summary>
    internal static bool SameLimit(MediaType a, MediaType b) => a == b || (IsVoice(a) && IsVoice(b));

    /// <inheritdoc />
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "voice {0}, chat {1}, email {2}, sms {3}", Voice, Chat, Email, Sms);

    private static int NotNegative(int value, string name) =>
        value >= 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"The {name} capacity must not be negative.");
}
