using System;
using ContactCenter.Core.Interactions;

namespace ContactCenter.Core.Callbacks;

/// <summary>How one attempt to call the contact back ended.</summary>
public enum CallbackAttemptResult
{
    /// <summary>The contact was reached.</summary>
    Reached,

    /// <summary>Nobody answered.</summary>
    NoAnswer,

    /// <summary>The line was busy.</summary>
    Busy,

    /// <summary>An answering machine answered.</summary>
    AnsweringMachine,

    /// <summary>A fax answered.</summary>
    Fax,

    /// <summary>The number is not in service or malformed.</summary>
    InvalidNumber,

    /// <summary>The number does not belong to the contact.</summary>
    WrongNumber,

    /// <summary>The contact rejected the call.</summary>
    Rejected,

    /// <summary>The call was dropped (network failure).</summary>
    Dropped,
}

/// <summary>Facts about <see cref="CallbackAttemptResult"/> values.</summary>
public static class CallbackAttemptResults
{
    /// <summary>The attempt result for an interaction's call result (<see cref="Interaction.CallResult"/>).</summary>
    /// <param name="result">The call result.</param>
    /// <returns>The matching attempt result.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="result"/> is not a defined call result.</exception>
    public static CallbackAttemptResult FromCallResult(CallResult result) => result switch
    {
        CallResult.Success => CallbackAttemptResult.Reached,
        CallResult.Busy => CallbackAttemptResult.Busy,
        CallResult.NoAnswer => CallbackAttemptResult.NoAnswer,
        CallResult.AnsweringMachine => CallbackAttemptResult.AnsweringMachine,
        CallResult.Fax => CallbackAttemptResult.Fax,
        CallResult.WrongNumber => CallbackAttemptResult.WrongNumber,
        CallResult.Rejected => CallbackAttemptResult.Rejected,
        CallResult.Dropped => CallbackAttemptResult.Dropped,
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, $"{result} is not a defined call result."),
    };

    /// <summary>Whether retrying the same number is pointless after <paramref name="result"/> (invalid or wrong number).</summary>
    /// <param name="result">The result.</param>
    /// <returns><see langword="true"/> for <see cref="CallbackAttemptResult.InvalidNumber"/> and <see cref="CallbackAttemptResult.WrongNumber"/>.</returns>
    public static bool IsUnusableNumber(CallbackAttemptResult result) =>
        result is CallbackAttemptResult.InvalidNumber or CallbackAttemptResult.WrongNumber;
}
