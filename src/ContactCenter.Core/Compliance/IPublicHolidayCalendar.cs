using NodaTime;

namespace ContactCenter.Core.Compliance;

/// <summary>Public holidays of a jurisdiction, by local date.</summary>
public interface IPublicHolidayCalendar
{
    /// <summary>The calendar's name, for explanations (<c>France</c>).</summary>
    string Name { get; }

    /// <summary>Whether <paramref name="localDate"/> (a local date of the called person) is a public holiday.</summary>
    /// <param name="localDate">The local date.</param>
    /// <returns>Whether it is a public holiday.</returns>
    bool IsHoliday(LocalDate localDate);
}
