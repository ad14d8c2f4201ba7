using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ContactCenter.Core.Internal;
using ContactCenter.Core.Time;
using NodaTime;
using NodaTime.Text;

namespace ContactCenter.Core.Campaigns;

/// <summary>
/// The default rule: among the numbers that are usable, inside their reachable hours now in every zone the callee may
/// be in, and dialable now by compliance, the one with the fewest attempts of this record, then the first in list
/// order. When none qualifies, it says why for each number and when the first may open.
/// </summary>
public sealed class DefaultRecommendedNumberRule : IRecommendedNumberRule
{
    private static readonly InstantPattern s_instant = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm'Z'");

    /// <summary>The shared instance.</summary>
    public static DefaultRecommendedNumberRule Instance { get; } = new();

    /// <inheritdoc />
    public NumberRecommendation Recommend(CallingRecord record, RecommendationContext context)
    {
        Guard.NotNull(record);
        Guard.NotNull(context);
        var numbers = record.Numbers;
        var attempts = record.Attempts;
        var assessments = new NumberAssessment[numbers.Count];
        int? best = null;
        int bestAttempts = int.MaxValue;
        for (int i = 0; i < numbers.Count; i++)
        {
            assessments[i] = Assess(record, i, context);
            if (!assessments[i].IsDialable)
            {
                continue;
            }

            var number = numbers[i];
            int made = attempts.Count(a => a.Number.Number == number.Number);
            if (made < bestAttempts)
            {
                best = i;
                bestAttempts = made;
            }
        }

        if (best is { } chosen)
        {
            var text = string.Format(
                CultureInfo.InvariantCulture,
                "number {0} ({1}) is reachable and dialable now, with {2} earlier attempt(s)",
                chosen + 1,
                numbers[chosen],
                bestAttempts);
            return new NumberRecommendation(chosen, text, context.Now, assessments);
        }

        Instant? next = null;
        foreach (var assessment in assessments)
        {
            if (assessment.NextOpeningAt is { } at && (next is null || at < next))
            {
                next = at;
            }
        }

        var reasons = string.Join("; ", assessments.Select(a => string.Format(CultureInfo.InvariantCulture, "number {0} ({1}): {2}", a.Index + 1, a.Number, a.Explanation)));
        var why = "no number may be dialled now: " + reasons
            + (next is { } opens ? "; next opening " + s_instant.Format(opens) : "; no opening known");
        return new NumberRecommendation(null, why, next, assessments);
    }

    private static NumberAssessment Assess(CallingRecord record, int index, RecommendationContext context)
    {
        var number = record.Numbers[index];
        if (record.UnusableReason(index) is { } unusable)
        {
            return new NumberAssessment(index, number, false, $"unusable ({unusable})", null);
        }

        var (reachable, reachText, reachNext) = Reachability(number, context);
        var decision = context.Check(number);
        bool legal = decision is null || decision.IsDialable;
        if (reachable && legal)
        {
            return new NumberAssessment(index, number, true, decision?.Explanation ?? "dialable (no compliance check)", context.Now) { Compliance = decision };
        }

        var texts = new List<string>(2);
        if (!reachable)
        {
            texts.Add(reachText);
        }

        Instant? next = reachable ? context.Now : reachNext;
        if (!legal)
        {
            texts.Add(decision!.Explanation);
            next = decision.NextWindowOpensAt is { } legalNext && next is { } n ? (legalNext > n ? legalNext : n) : null;
        }

        return new NumberAssessment(index, number, false, string.Join("; ", texts), next) { Compliance = decision };
    }

    private static (bool Reachable, string Text, Instant? Next) Reachability(RecordNumber number, RecommendationContext context)
    {
        if (number.Contact.ReachableHours is not { } hours)
        {
            return (true, string.Empty, context.Now);
        }

        var zones = context.ZonesOf(number);
        if (zones.Count == 0)
        {
            return (false, $"reachable hours {hours} cannot be checked: the callee's zone is unknown", null);
        }

        var now = context.Now;
        Instant latestNext = now;
        var closed = new List<string>();
        foreach (var zone in zones)
        {
            if (Contains(hours, zone, now))
            {
                continue;
            }

            closed.Add(zone.Id);
            var next = NextStart(hours, zone, now);
            if (next > latestNext)
            {
                latestNext = next;
            }
        }

        return closed.Count == 0
            ? (true, string.Empty, now)
            : (false, $"outside reachable hours {hours} in {string.Join(", ", closed)}", latestNext);
    }

    private static bool Contains(LocalTimeRange hours, DateTimeZone zone, Instant now)
    {
        var date = now.InZone(zone).Date;
        for (int offset = -1; offset <= 0; offset++)
        {
            if (LocalIntervals.Resolve(hours, date.PlusDays(offset), zone) is { } interval && interval.Contains(now))
            {
                return true;
            }
        }

        return false;
    }

    private static Instant NextStart(LocalTimeRange hours, DateTimeZone zone, Instant now)
    {
        var date = now.InZone(zone).Date;
        for (int offset = 0; offset <= 2; offset++)
        {
            if (LocalIntervals.Resolve(hours, date.PlusDays(offset), zone) is { } interval && interval.Start > now)
            {
                return interval.Start;
            }
        }

        return now + Duration.FromDays(1);
    }
}
