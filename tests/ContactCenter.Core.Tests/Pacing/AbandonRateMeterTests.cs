using System;
using ContactCenter.Core.Pacing;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Pacing;

public sealed class AbandonRateMeterTests
{
    private static readonly Instant s_t0 = Instant.FromUtc(2026, 6, 1, 10, 0);

    [Fact]
    public void Rate_is_abandoned_over_live_answered_and_exclusions_do_not_count()
    {
        var meter = new AbandonRateMeter();
        for (int i = 0; i < 39; i++)
        {
            Assert.False(meter.RecordConnected(s_t0, s_t0, s_t0 + Duration.FromSeconds(1)));
        }

        meter.RecordAbandoned(s_t0);
        meter.RecordExcluded(DialerCallOutcome.AnsweringMachine);
        meter.RecordExcluded(DialerCallOutcome.Busy);
        meter.RecordExcluded(DialerCallOutcome.NoAnswer);
        meter.RecordExcluded(DialerCallOutcome.Invalid);

        Assert.Equal(new AbandonRate(1, 40), meter.WindowRate(s_t0));
        Assert.Equal(0.025, meter.CampaignToDate.Value, 12);
        Assert.Equal(1, meter.ExcludedCount(DialerCallOutcome.Busy));
        Assert.Equal(0, meter.ExcludedCount(DialerCallOutcome.Fax));
    }

    [Fact]
    public void Connected_after_threshold_from_greeting_end_is_abandoned_exactly_two_seconds_is_not()
    {
        var meter = new AbandonRateMeter();
        var greeting = s_t0 + Duration.FromSeconds(3);
        Assert.False(meter.RecordConnected(s_t0, greeting, greeting + Duration.FromSeconds(2)));
        Assert.True(meter.RecordConnected(s_t0, greeting, greeting + Duration.FromSeconds(2) + Duration.FromMilliseconds(1)));
        Assert.Equal(new AbandonRate(1, 2), meter.CampaignToDate);
    }

    [Fact]
    public void From_answer_measurement_ignores_the_greeting()
    {
        var meter = new AbandonRateMeter(AbandonRateOptions.UnitedKingdom with { Measurement = AbandonMeasurement.FromAnswer });
        var greeting = s_t0 + Duration.FromSeconds(3);
        Assert.True(meter.RecordConnected(s_t0, greeting, greeting + Duration.FromSeconds(1)));
        Assert.False(meter.RecordConnected(s_t0, s_t0, s_t0 + Duration.FromSeconds(2)));
    }

    [Fact]
    public void Configurable_threshold_applies()
    {
        var meter = new AbandonRateMeter(AbandonRateOptions.UnitedKingdom with { ConnectThreshold = Duration.FromSeconds(5) });
        Assert.False(meter.RecordConnected(s_t0, s_t0, s_t0 + Duration.FromSeconds(4)));
        Assert.True(meter.RecordConnected(s_t0, s_t0, s_t0 + Duration.FromSeconds(6)));
    }

    [Fact]
    public void Uk_window_rolls_off_at_the_start_of_the_bucket_one_window_later()
    {
        var meter = new AbandonRateMeter(AbandonRateOptions.UnitedKingdom);
        var answered = s_t0 + Duration.FromSeconds(30);
        meter.RecordAbandoned(answered);
        var dayLater = s_t0 + Duration.FromHours(24);
        Assert.Equal(new AbandonRate(1, 1), meter.WindowRate(dayLater - Duration.FromTicks(1)));
        Assert.Equal(new AbandonRate(0, 0), meter.WindowRate(dayLater));
        Assert.Equal(new AbandonRate(1, 1), meter.CampaignToDate);
    }

    [Fact]
    public void Us_window_keeps_thirty_days_in_hour_buckets()
    {
        var meter = new AbandonRateMeter(AbandonRateOptions.UnitedStates);
        meter.RecordAbandoned(s_t0);
        meter.RecordConnected(s_t0 + Duration.FromDays(10), s_t0 + Duration.FromDays(10), s_t0 + Duration.FromDays(10));
        Assert.Equal(new AbandonRate(1, 2), meter.WindowRate(s_t0 + Duration.FromDays(30) - Duration.FromTicks(1)));
        Assert.Equal(new AbandonRate(0, 1), meter.WindowRate(s_t0 + Duration.FromDays(30)));
        Assert.Equal(new AbandonRate(0, 0), meter.WindowRate(s_t0 + Duration.FromDays(40)));
    }

    [Fact]
    public void Late_record_inside_the_window_counts_older_than_the_window_only_to_date()
    {
        var meter = new AbandonRateMeter();
        meter.WindowRate(s_t0 + Duration.FromHours(30));
        meter.RecordAbandoned(s_t0 + Duration.FromHours(20));
        meter.RecordAbandoned(s_t0);
        Assert.Equal(new AbandonRate(1, 1), meter.WindowRate(s_t0 + Duration.FromHours(30)));
        Assert.Equal(new AbandonRate(2, 2), meter.CampaignToDate);
    }

    [Fact]
    public void Recent_rate_covers_the_last_n_live_answers()
    {
        var meter = new AbandonRateMeter(AbandonRateOptions.UnitedKingdom with { RecentLiveAnswers = 10 });
        for (int i = 0; i < 10; i++)
        {
            meter.RecordAbandoned(s_t0);
        }

        for (int i = 0; i < 7; i++)
        {
            meter.RecordConnected(s_t0, s_t0, s_t0);
        }

        Assert.Equal(new AbandonRate(3, 10), meter.Recent);
        Assert.Equal(new AbandonRate(10, 17), meter.CampaignToDate);
    }

    [Fact]
    public void Invalid_options_and_instants_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new AbandonRateMeter(new AbandonRateOptions { BucketWidth = Duration.FromMinutes(7) }));
        Assert.Throws<ArgumentException>(() => new AbandonRateMeter(new AbandonRateOptions { RecentLiveAnswers = 0 }));
        var meter = new AbandonRateMeter();
        Assert.Throws<ArgumentException>(() => meter.RecordConnected(s_t0, s_t0 - Duration.FromSeconds(1), s_t0));
        Assert.Equal(0, meter.CampaignToDate.LiveAnswered);
    }
}
