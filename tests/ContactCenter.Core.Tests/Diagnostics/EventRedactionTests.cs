using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Time;
using NodaTime;
using Xunit;
using Xunit.Abstractions;

namespace ContactCenter.Core.Tests.Diagnostics;

/// <summary>
/// Formats every event record of the aggregates built with a phone number in every number-typed field (nested ones
/// included), and with the number's digits in every field that carries a contact's data as text (DTMF digits, party
/// addresses, forward addresses, data values), and checks that no run of four digits of the number appears.
/// </summary>
public class EventRedactionTests(ITestOutputHelper output)
{
    private const string National = "612345678";
    private static readonly PhoneNumber s_number = PhoneNumber.Parse("+33" + National);
    // Fixed identifiers: random ones could hold four digits of the number by chance.
    private static readonly Guid s_guid = Guid.Parse("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
    private static readonly Type[] s_eventBases = [typeof(AgentEvent), typeof(InteractionEvent), typeof(CallbackEvent), typeof(CallbackDispatchEvent), typeof(CampaignEvent)];

    public static TheoryData<Type> EventTypes()
    {
        var data = new TheoryData<Type>();
        foreach (var type in Types())
        {
            data.Add(type);
        }

        return data;
    }

    [Fact]
    public void Every_aggregate_has_event_types_to_check()
    {
        var types = Types();

        foreach (var eventBase in s_eventBases)
        {
            Assert.Contains(types, eventBase.IsAssignableFrom);
        }

        Assert.True(types.Count >= 30, $"only {types.Count} event types found");
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void No_digit_run_of_a_number_appears_when_an_event_is_formatted(Type eventType)
    {
        var value = Build(eventType, "event", eventType, 0);
        var text = value!.ToString()!;
        output.WriteLine(text);

        for (int start = 0; start + 4 <= National.Length; start++)
        {
            Assert.DoesNotContain(National.Substring(start, 4), text, StringComparison.Ordinal);
        }

        // The DTMF digits, when there are any, are the national number's too; a masked number keeps three of them.
        Assert.DoesNotContain(National, text.Replace("\u2022", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static List<Type> Types() =>
        typeof(AgentEvent).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.IsPublic && s_eventBases.Any(b => b.IsAssignableFrom(t)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();

    /// <summary>Builds a value of <paramref name="type"/> for the parameter <paramref name="name"/> of <paramref name="owner"/>.</summary>
    private static object? Build(Type type, string name, Type owner, int depth)
    {
        Assert.True(depth < 8, $"too deep building {type} for {owner}.{name}");
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            return Build(underlying, name, owner, depth);
        }

        if (type == typeof(string))
        {
            return CarriesContactData(owner, name) ? "+33" + National : "x";
        }

        if (type == typeof(PhoneNumber))
        {
            return s_number;
        }

        if (type == typeof(ContactNumber))
        {
            return new ContactNumber(s_number, PhoneNumberType.Mobile, LocalTimeRange.Parse("09:00-18:00"));
        }

        if (type.IsEnum)
        {
            return Enum.GetValues(type).GetValue(0);
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(double))
        {
            return Convert.ChangeType(2, type, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type == typeof(Guid))
        {
            return s_guid;
        }

        if (type == typeof(Instant))
        {
            return Instant.FromUtc(2026, 11, 23, 9, 0);
        }

        if (type == typeof(Duration))
        {
            return Duration.FromSeconds(30);
        }

        if (type == typeof(Interval))
        {
            return new Interval(Instant.FromUtc(2026, 11, 23, 9, 0), Instant.FromUtc(2026, 11, 23, 10, 0));
        }

        if (type == typeof(DateTimeZone))
        {
            return DateTimeZoneProviders.Tzdb["Europe/Paris"];
        }

        if (type == typeof(InteractionId))
        {
            return new InteractionId(s_guid);
        }

        if (type == typeof(CallbackId))
        {
            return new CallbackId(s_guid);
        }

        if (type == typeof(PartyId))
        {
            return new PartyId(1);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(IEnumerable<>)))
        {
            var element = type.GetGenericArguments()[0];
            var array = Array.CreateInstance(element, 1);
            array.SetValue(Build(element, name, owner, depth + 1), 0);
            return array;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            var dictionary = typeof(Dictionary<,>).MakeGenericType(type.GetGenericArguments());
            return Activator.CreateInstance(dictionary);
        }

        var concrete = type.IsAbstract
            ? type.Assembly.GetTypes().First(t => !t.IsAbstract && t.IsPublic && type.IsAssignableFrom(t))
            : type;
        var constructor = concrete.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault();
        if (constructor is null)
        {
            var instance = concrete.GetProperties(BindingFlags.Public | BindingFlags.Static).FirstOrDefault(p => p.PropertyType == concrete)?.GetValue(null);
            return instance ?? throw new InvalidOperationException($"Cannot build {concrete} for {owner}.{name}.");
        }

        var arguments = constructor.GetParameters().Select(p => Build(p.ParameterType, p.Name!, concrete, depth + 1)).ToArray();
        return constructor.Invoke(arguments);
    }

    /// <summary>The text fields that carry a contact's data: DTMF digits, addresses, data values, the number to dial.</summary>
    private static bool CarriesContactData(Type owner, string name) =>
        name is "Digits" or "Address" or "To" or "CustomerAddress"
        || (owner == typeof(DataChanged) && name is "Previous" or "Current");
}
