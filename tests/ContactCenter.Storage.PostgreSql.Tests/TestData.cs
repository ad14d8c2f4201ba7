using System.Globalization;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.Time;
using NodaTime;

namespace ContactCenter.Storage.PostgreSql.Tests;

/// <summary>Callbacks made through the real aggregate, at fixed instants.</summary>
internal static class TestData
{
    public static readonly Instant T0 = Instant.FromUtc(2026, 11, 23, 9, 0);

    public static ContactNumber Number(int i) =>
        new(PhoneNumber.Parse("+44 20 7946 " + (i % 1000).ToString("D4", CultureInfo.InvariantCulture)), PhoneNumberType.Mobile);

    /// <summary>An ASAP callback, due (and queued) at <paramref name="at"/>.</summary>
    public static CallbackSnapshot DueCallback(Instant at, int i) =>
        Callback.Create(new AsapCallbackRequest(Number(i)) { Subject = "Invoice " + i.ToString(CultureInfo.InvariantCulture) }, null, new VirtualTimeSource(at)).ToSnapshot();

    /// <summary>A callback created at <paramref name="createdAt"/>, scheduled for <paramref name="dueAt"/>.</summary>
    public static CallbackSnapshot ScheduledCallback(Instant createdAt, Instant dueAt, int i) =>
        Callback.Create(new ScheduledCallbackRequest(Number(i), dueAt), null, new VirtualTimeSource(createdAt)).ToSnapshot();
}
