using System;
using System.Linq;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Interactions;
using Xunit;

namespace ContactCenter.Core.Tests.Callbacks;

public sealed class CallbackAttemptResultsTests
{
    [Theory]
    [InlineData(CallResult.Success, CallbackAttemptResult.Reached)]
    [InlineData(CallResult.Busy, CallbackAttemptResult.Busy)]
    [InlineData(CallResult.NoAnswer, CallbackAttemptResult.NoAnswer)]
    [InlineData(CallResult.AnsweringMachine, CallbackAttemptResult.AnsweringMachine)]
    [InlineData(CallResult.Fax, CallbackAttemptResult.Fax)]
    [InlineData(CallResult.WrongNumber, CallbackAttemptResult.WrongNumber)]
    [InlineData(CallResult.Rejected, CallbackAttemptResult.Rejected)]
    [InlineData(CallResult.Dropped, CallbackAttemptResult.Dropped)]
    public void Every_call_result_maps_to_an_attempt_result(CallResult callResult, CallbackAttemptResult expected) =>
        Assert.Equal(expected, CallbackAttemptResults.FromCallResult(callResult));

    [Fact]
    public void Every_defined_call_result_is_mapped_and_an_undefined_one_is_refused()
    {
        Assert.All(Enum.GetValues<CallResult>(), r => CallbackAttemptResults.FromCallResult(r));
        Assert.Throws<ArgumentOutOfRangeException>(() => CallbackAttemptResults.FromCallResult((CallResult)42));
    }

    [Fact]
    public void Only_invalid_and_wrong_numbers_are_unusable()
    {
        Assert.Equal(
            [CallbackAttemptResult.InvalidNumber, CallbackAttemptResult.WrongNumber],
            Enum.GetValues<CallbackAttemptResult>().Where(CallbackAttemptResults.IsUnusableNumber));
    }
}
