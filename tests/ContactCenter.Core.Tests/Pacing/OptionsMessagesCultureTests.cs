using System;
using System.Globalization;
using ContactCenter.Core.Pacing;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Pacing;

/// <summary>
/// The options' validation messages are written for logs and operators: the same text whatever the
/// culture of the thread that validates (no Arabic decimal separator, no marked minus sign).
/// </summary>
public sealed class OptionsMessagesCultureTests
{
    [Fact]
    public void Validation_messages_format_numbers_and_durations_invariantly()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("ar-SA");
        try
        {
            var predictive = Assert.Throws<ArgumentException>(() => new PredictiveOptions { SetPoint = 0.05, HardCap = 0.03 }.Validate());
            Assert.Contains("HardCap must be above SetPoint and at most 1 (was 0.03).", predictive.Message, StringComparison.Ordinal);

            var abandon = Assert.Throws<ArgumentException>(() => new AbandonRateOptions { BucketWidth = Duration.FromSeconds(-2.5) }.Validate());
            Assert.Contains("BucketWidth must be positive (was -0:00:00:02.5).", abandon.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("\u061C", abandon.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("\u066B", abandon.Message, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
