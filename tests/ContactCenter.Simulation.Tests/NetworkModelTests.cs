using System;
using NodaTime;
using Xunit;

namespace ContactCenter.Simulation.Tests;

public class NetworkModelTests
{
    [Fact]
    public void Without_a_schedule_the_live_answer_probability_is_constant()
    {
        var model = new NetworkModel { LiveAnswerProbability = 0.42 };

        Assert.Empty(model.LiveAnswerSchedule);
        Assert.Equal(0.42, model.LiveAnswerProbabilityAt(Duration.Zero));
        Assert.Equal(0.42, model.LiveAnswerProbabilityAt(Duration.FromHours(3)));
    }

    [Fact]
    public void A_linear_drift_moves_from_its_start_to_its_end_and_stays_there()
    {
        var model = new NetworkModel().WithLinearDrift(0.30, 0.15, Duration.FromHours(4));
        model.Validate();

        Assert.Equal(0.30, model.LiveAnswerProbability);
        Assert.Equal(0.30, model.LiveAnswerProbabilityAt(Duration.Zero), 12);
        Assert.Equal(0.2625, model.LiveAnswerProbabilityAt(Duration.FromHours(1)), 12);
        Assert.Equal(0.225, model.LiveAnswerProbabilityAt(Duration.FromHours(2)), 12);
        Assert.Equal(0.15, model.LiveAnswerProbabilityAt(Duration.FromHours(4)), 12);
        Assert.Equal(0.15, model.LiveAnswerProbabilityAt(Duration.FromHours(6)), 12);
    }

    [Fact]
    public void A_piecewise_schedule_holds_its_first_point_before_it_and_interpolates_between_points()
    {
        var model = new NetworkModel
        {
            LiveAnswerSchedule =
            [
                new LiveAnswerPoint(Duration.FromMinutes(30), 0.2),
                new LiveAnswerPoint(Duration.FromMinutes(90), 0.5),
                new LiveAnswerPoint(Duration.FromMinutes(150), 0.1),
            ],
        };
        model.Validate();

        Assert.Equal(0.2, model.LiveAnswerProbabilityAt(Duration.Zero), 12);
        Assert.Equal(0.35, model.LiveAnswerProbabilityAt(Duration.FromMinutes(60)), 12);
        Assert.Equal(0.5, model.LiveAnswerProbabilityAt(Duration.FromMinutes(90)), 12);
        Assert.Equal(0.3, model.LiveAnswerProbabilityAt(Duration.FromMinutes(120)), 12);
        Assert.Equal(0.1, model.LiveAnswerProbabilityAt(Duration.FromMinutes(200)), 12);
    }

    [Fact]
    public void An_invalid_schedule_is_refused()
    {
        var unordered = new NetworkModel { LiveAnswerSchedule = [new(Duration.FromMinutes(10), 0.2), new(Duration.FromMinutes(10), 0.3)] };
        var negative = new NetworkModel { LiveAnswerSchedule = [new(Duration.FromMinutes(-1), 0.2)] };
        var tooHigh = new NetworkModel { LiveAnswerSchedule = [new(Duration.Zero, 1.2)] };
        var withOthers = new NetworkModel { AnsweringMachineProbability = 0.5, LiveAnswerProbability = 0.3, LiveAnswerSchedule = [new(Duration.Zero, 0.3), new(Duration.FromHours(1), 0.6)] };
        var missing = new NetworkModel { LiveAnswerSchedule = null! };

        Assert.Contains("increasing time order", Assert.Throws<ArgumentException>(unordered.Validate).Message, StringComparison.Ordinal);
        Assert.Contains("increasing time order", Assert.Throws<ArgumentException>(negative.Validate).Message, StringComparison.Ordinal);
        Assert.Contains("must lie in [0, 1]", Assert.Throws<ArgumentException>(tooHigh.Validate).Message, StringComparison.Ordinal);
        Assert.Contains("not add up to more than 1", Assert.Throws<ArgumentException>(withOthers.Validate).Message, StringComparison.Ordinal);
        Assert.Contains("LiveAnswerSchedule must not be null", Assert.Throws<ArgumentException>(missing.Validate).Message, StringComparison.Ordinal);
    }
}
