using System.Linq;
using ContactCenter.Pacing.Scoreboard.Dialers;
using NodaTime;
using Xunit;
using Counts = ContactCenter.Pacing.Scoreboard.Dialers.AdaptiveRatioDialer.Counts;

namespace ContactCenter.Pacing.Scoreboard.Tests.Dialers;

public class AdaptiveRatioDialerTests
{
    private static readonly Instant s_start = Instant.FromUtc(2026, 1, 5, 9, 0);

    private static Instant At(double seconds) => s_start + Duration.FromMilliseconds((long)(seconds * 1000));

    [Fact]
    public void Starts_at_level_one_so_it_dials_one_call_per_ready_agent_minus_calls_in_progress()
    {
        var dialer = new AdaptiveRatioDialer();

        int count = dialer.Decide(s_start, new Counts(LoggedIn: 10, Ready: 6, Ringing: 2, Waiting: 1, LiveAnswers: 0, Abandoned: 0));

        Assert.Equal(1d, dialer.Level);
        Assert.Equal(3, count);
    }

    [Fact]
    public void Dials_only_every_two_and_a_half_seconds()
    {
        var dialer = new AdaptiveRatioDialer();
        var idle = new Counts(10, 5, 0, 0, 0, 0);

        var dialled = Enumerable.Range(0, 11)
            .Select(second => (second, count: dialer.Decide(At(second), idle)))
            .Where(x => x.count > 0)
            .Select(x => x.second)
            .ToList();

        // Cycles at 0, 2.5, 5, 7.5, 10: served at the first decision at or after each.
        Assert.Equal(new[] { 0, 3, 5, 8, 10 }, dialled);
    }

    [Fact]
    public void Raises_the_level_while_agents_wait_for_calls_and_lowers_it_while_calls_wait_for_agents()
    {
        var dialer = new AdaptiveRatioDialer();
        for (int second = 0; second < 15; second++)
        {
            _ = dialer.Decide(At(second), new Counts(10, 4, 20, 0, 100, 0));
        }

        // The decision at 15 s first adjusts from the samples of 0–14 s, then samples the new counts.
        _ = dialer.Decide(At(15), new Counts(10, 0, 5, 2, 100, 0));
        Assert.Equal(1, dialer.Adjustments);
        Assert.Equal(1.4, dialer.Level, 6); // 1 + 1 × (4 − 0) / 10

        for (int second = 16; second < 30; second++)
        {
            _ = dialer.Decide(At(second), new Counts(10, 0, 5, 2, 100, 0));
        }

        _ = dialer.Decide(At(30), new Counts(10, 0, 5, 2, 100, 0));
        Assert.Equal(2, dialer.Adjustments);
        Assert.Equal(1.4 - (1.4 * 2 / 10), dialer.Level, 6);
    }

    [Fact]
    public void Never_leaves_the_range_from_one_to_the_maximum_level()
    {
        var dialer = new AdaptiveRatioDialer();
        for (int second = 0; second <= 600; second++)
        {
            _ = dialer.Decide(At(second), new Counts(10, 10, 0, 0, 100, 0));
        }

        Assert.Equal(3d, dialer.Level);

        for (int second = 601; second <= 1200; second++)
        {
            _ = dialer.Decide(At(second), new Counts(10, 0, 0, 10, 100, 0));
        }

        Assert.Equal(1d, dialer.Level);
    }

    [Fact]
    public void Average_halves_the_level_on_a_breach_of_the_drop_limit_and_hard_limit_resets_it()
    {
        var average = new AdaptiveRatioDialer(AdaptiveDropMethod.Average);
        var hardLimit = new AdaptiveRatioDialer(AdaptiveDropMethod.HardLimit);
        foreach (var dialer in new[] { average, hardLimit })
        {
            for (int second = 0; second <= 150; second++)
            {
                _ = dialer.Decide(At(second), new Counts(10, 10, 0, 0, 100, 0));
            }

            Assert.Equal(3d, dialer.Level);
        }

        // 4 abandoned of 100 live answers: 4 % > 3 %.
        _ = average.Decide(At(165), new Counts(10, 10, 0, 0, 100, 4));
        _ = hardLimit.Decide(At(165), new Counts(10, 10, 0, 0, 100, 4));

        Assert.Equal(1.5, average.Level, 9);
        Assert.Equal(1d, hardLimit.Level);
        Assert.Equal(1, average.Breaches);
        Assert.Equal(1, hardLimit.Breaches);
    }

    [Fact]
    public void Exactly_three_percent_is_not_a_breach()
    {
        var dialer = new AdaptiveRatioDialer();
        for (int second = 0; second <= 15; second++)
        {
            _ = dialer.Decide(At(second), new Counts(10, 5, 0, 0, 100, 3));
        }

        Assert.Equal(0, dialer.Breaches);
        Assert.True(dialer.Level > 1d);
    }
}
