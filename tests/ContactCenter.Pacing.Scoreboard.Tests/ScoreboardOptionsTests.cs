using System;
using Xunit;

namespace ContactCenter.Pacing.Scoreboard.Tests;

public class ScoreboardOptionsTests
{
    [Fact]
    public void Defaults_to_the_full_grid_five_seeds_every_dialer_and_the_scenarios_beyond()
    {
        var options = ScoreboardOptions.Parse([]);

        Assert.Equal(new[] { 10, 25, 50, 100 }, options.Agents);
        Assert.Equal(new[] { 0.15, 0.30, 0.60 }, options.Rates);
        Assert.Equal(new long[] { 1, 2, 3, 4, 5 }, options.Seeds);
        Assert.Equal(6, options.Dialers.Count);
        Assert.True(options.Beyond);
        Assert.Null(options.OutputDirectory);
    }

    [Fact]
    public void Quick_is_a_small_smoke_run_that_explicit_options_can_still_shape()
    {
        var quick = ScoreboardOptions.Parse(["--quick"]);
        Assert.Equal(new[] { 10, 25 }, quick.Agents);
        Assert.Equal(new[] { 0.30 }, quick.Rates);
        Assert.Equal(new long[] { 1, 2 }, quick.Seeds);
        Assert.False(quick.Beyond);

        var shaped = ScoreboardOptions.Parse(["--quick", "--seeds", "3", "--agents", "50"]);
        Assert.Equal(new long[] { 1, 2, 3 }, shaped.Seeds);
        Assert.Equal(new[] { 50 }, shaped.Agents);
    }

    [Fact]
    public void Accepts_the_benchmark_dry_run_arguments_of_ci()
    {
        var options = ScoreboardOptions.Parse(["--job", "Dry", "--filter", "*", "--artifacts", "/tmp/x"]);

        Assert.True(options.Quick);
        Assert.Equal("/tmp/x", options.OutputDirectory);
    }

    [Fact]
    public void Selects_dialers_in_catalogue_order_and_refuses_unknown_arguments()
    {
        var options = ScoreboardOptions.Parse(["--dialers", "predictive,progressive", "--out", "docs/pacing"]);

        Assert.Equal(new[] { "progressive", "predictive" }, options.Dialers);
        Assert.Equal("docs/pacing", options.OutputDirectory);
        Assert.Throws<ArgumentException>(() => ScoreboardOptions.Parse(["--dialers", "magic"]));
        Assert.Throws<ArgumentException>(() => ScoreboardOptions.Parse(["--seeds", "0"]));
        Assert.Throws<ArgumentException>(() => ScoreboardOptions.Parse(["--rates", "1.5"]));
        Assert.Throws<ArgumentException>(() => ScoreboardOptions.Parse(["--out"]));
        Assert.Throws<ArgumentException>(() => ScoreboardOptions.Parse(["--fast"]));
    }
}
