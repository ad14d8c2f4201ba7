using System;
using System.Collections.Generic;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Scheduling;
using ContactCenter.Core.Time;
using NodaTime;
using Xunit;
using static ContactCenter.Core.Tests.Scheduling.SlotTestKit;

namespace ContactCenter.Core.Tests.Scheduling;

public sealed class SlotQueryTests
{
    private static readonly SlotQuery s_valid = SlotQuery.Create("Europe/Paris", Every("09:00-17:00"), "America/New_York");

    [Fact]
    public void Defaults_are_documented_values_and_valid()
    {
        Assert.Equal(Duration.FromMinutes(15), s_valid.SlotLength);
        Assert.Equal(7, s_valid.HorizonDays);
        Assert.Equal(Duration.Zero, s_valid.MinimumNotice);
        Assert.Equal(1, s_valid.Capacity.For(IsoDayOfWeek.Monday, 9));
        Assert.Same(WeeklyHours.Always, s_valid.CustomerWindows);
        Assert.Empty(s_valid.Holidays);
        Assert.Empty(s_valid.Overrides);
        Assert.Empty(s_valid.LegalPolicies);
        Assert.Empty(s_valid.LegalZones);
        Assert.False(s_valid.ReportFullSlots);
        s_valid.Validate();
    }

    [Fact]
    public void Create_canonicalises_zone_aliases()
    {
        var query = SlotQuery.Create("US/Eastern", Every("09:00-17:00"), "Asia/Calcutta");

        Assert.Equal("America/New_York", query.CentreZone.Id);
        Assert.Equal("Asia/Kolkata", query.CustomerZone.Id);
    }

    [Theory]
    [InlineData("EST")]
    [InlineData("Etc/GMT+5")]
    [InlineData("Mars/Olympus_Mons")]
    public void Create_refuses_ids_that_are_not_locations(string id)
    {
        var error = Assert.Throws<ArgumentException>(() => SlotQuery.Create("Europe/Paris", Every("09:00-17:00"), id));

        Assert.Contains(id, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_explains_that_Etc_GMT_plus_5_means_UTC_minus_5()
    {
        var error = Assert.Throws<ArgumentException>(() => SlotQuery.Create("Etc/GMT+5", Every("09:00-17:00"), "Europe/Paris"));

        Assert.Contains("UTC-5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_refuses_fixed_offset_and_alias_zones_unless_opted_in()
    {
        var fixedOffset = s_valid with { CustomerZone = DateTimeZoneProviders.Tzdb["Etc/GMT+5"], CentreZone = DateTimeZoneProviders.Tzdb["EST"] };

        var error = Assert.Throws<ArgumentException>(fixedOffset.Validate);
        (fixedOffset with { AllowNonLocationZones = true }).Validate();
        (s_valid with { CustomerZone = DateTimeZoneProviders.Tzdb["US/Eastern"] }).Validate(); // an alias of a location

        Assert.Contains("CentreZone", error.Message, StringComparison.Ordinal);
        Assert.Contains("CustomerZone", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(25)]
    [InlineData(121)]
    [InlineData(180)]
    public void Validate_refuses_slot_lengths_outside_5_to_120_minutes_or_not_dividing_a_day(int minutes)
    {
        var error = Assert.Throws<ArgumentException>((s_valid with { SlotLength = Duration.FromMinutes(minutes) }).Validate);

        Assert.Contains("SlotLength", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(45)]
    [InlineData(90)]
    [InlineData(120)]
    public void Validate_accepts_whole_minute_slot_lengths_dividing_a_day(int minutes)
    {
        var query = s_valid with { SlotLength = Duration.FromMinutes(minutes) };

        query.Validate();
        var result = SlotCalculator.Calculate(query with { HorizonDays = 1 }, new SlotBook(), At("America/New_York", 2026, 6, 1));

        Assert.All(result.Slots, s => Assert.Equal(Duration.FromMinutes(minutes), s.Length));
        Assert.NotEmpty(result.Slots);
    }

    [Fact]
    public void Validate_refuses_a_slot_length_with_seconds()
    {
        var error = Assert.Throws<ArgumentException>((s_valid with { SlotLength = Duration.FromSeconds(15 * 60 + 30) }).Validate);

        Assert.Contains("whole minutes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_lists_every_problem_and_names_each_setting()
    {
        var query = s_valid with
        {
            CentreHours = null!,
            CustomerWindows = null!,
            Holidays = null!,
            Overrides = new Dictionary<LocalDate, IReadOnlyList<LocalTimeRange>> { [new LocalDate(2026, 12, 24)] = null! },
            Capacity = null!,
            LegalPolicies = [null!],
            LegalZones = [null!],
            HorizonDays = 400,
            MinimumNotice = Duration.FromMinutes(-5),
            SlotLength = Duration.FromMinutes(3),
        };

        var message = Assert.Throws<ArgumentException>(query.Validate).Message;

        foreach (var name in new[] { "CentreHours", "CustomerWindows", "Holidays", "Overrides for 2026-12-24", "Capacity", "LegalPolicies", "LegalZones[0]", "HorizonDays", "MinimumNotice", "SlotLength" })
        {
            Assert.Contains(name, message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_legal_zones_default_to_the_customer_zone()
    {
        var policy = new CallingWindowPolicy("US federal", "47 CFR 64.1200(c)(1)", Every("08:00-21:00"));
        var query = s_valid with { LegalPolicies = [policy] };

        Assert.Equal([query.CustomerZone], query.EffectiveLegalZones);
        Assert.Equal([Zone("America/Chicago")], (query with { LegalZones = [Zone("America/Chicago")] }).EffectiveLegalZones);
    }
}
