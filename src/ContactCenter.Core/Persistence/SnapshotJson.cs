using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Internal;
using ContactCenter.Core.Scheduling;
using ContactCenter.Core.Time;
using NodaTime;
using NodaTime.Text;

namespace ContactCenter.Core.Persistence;

/// <summary>
/// The stable text form of every stored snapshot, shared by all stores: compact JSON with enum names, instants and
/// offset date-times in extended ISO form (nanoseconds kept), zones by IANA id, phone numbers in E.164. Writing the same
/// snapshot always gives the same text, so two snapshots are equal when their texts are (records compare lists by reference).
/// </summary>
/// <remarks>Every <c>Read</c> method throws <see cref="FormatException"/> on text that is not such a snapshot.</remarks>
public static class SnapshotJson
{
    /// <summary>The format's version, written in every document as <c>"v"</c>.</summary>
    public const int FormatVersion = 1;

    private static readonly InstantPattern s_instant = InstantPattern.ExtendedIso;
    private static readonly OffsetDateTimePattern s_offsetDateTime = OffsetDateTimePattern.ExtendedIso;
    private static readonly DurationPattern s_duration = DurationPattern.Roundtrip;
    private static readonly LocalTimePattern s_time = LocalTimePattern.ExtendedIso;

    // ----- callbacks ---------------------------------------------------------------------------------

    /// <summary>Writes a callback snapshot.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(CallbackSnapshot snapshot)
    {
        Guard.NotNull(snapshot);
        var w = Begin();
        w.Name("id").String(snapshot.Id.ToString());
        w.Name("kind").String(snapshot.Kind.ToString());
        w.Name("state").String(snapshot.State.ToString());
        w.Name("createdAt").String(Format(snapshot.CreatedAt));
        w.Name("schedule");
        Write(w, snapshot.Schedule);
        w.Name("queuedSince").String(Format(snapshot.QueuedSince));
        w.Name("attempts").BeginArray();
        foreach (var a in snapshot.Attempts)
        {
            w.BeginObject();
            w.Name("number").Number(a.Number);
            w.Name("startedAt").String(Format(a.StartedAt));
            w.Name("endedAt").String(Format(a.EndedAt));
            w.Name("dialled");
            Write(w, a.Dialled);
            w.Name("agent").String(a.AgentId);
            w.Name("interaction").String(a.InteractionId.Value.ToString("N"));
            w.Name("result").String(a.Result?.ToString());
            w.EndObject();
        }

        w.EndArray();
        w.Name("sequence").Number(snapshot.Sequence);
        w.Name("subject").String(snapshot.Subject);
        w.Name("zone").String(snapshot.CustomerZone?.Id);
        w.Name("preferredAgent").String(snapshot.PreferredAgentId);
        w.Name("queue").String(snapshot.Queue);
        w.Name("campaign").String(snapshot.CampaignId);
        w.Name("message").String(snapshot.MessageReference);
        w.Name("pending");
        if (snapshot.PendingReschedule is { } pending)
        {
            Write(w, pending);
        }
        else
        {
            w.Null();
        }

        w.Name("rescheduled").Bool(snapshot.IsRescheduled);
        w.Name("dueSince").String(Format(snapshot.DueSince));
        w.Name("anchor").String(Format(snapshot.VoiceMessageAnchor));
        w.Name("offer");
        if (snapshot.CurrentOffer is { } offer)
        {
            w.BeginObject().Name("agent").String(offer.AgentId).Name("interaction").String(offer.InteractionId.Value.ToString("N"))
                .Name("at").String(Format(offer.At)).EndObject();
        }
        else
        {
            w.Null();
        }

        w.Name("endReason").String(snapshot.EndReason?.ToString());
        return w.EndObject().ToString();
    }

    /// <summary>Reads a callback snapshot.</summary>
    /// <param name="json">Text written by <see cref="Write(CallbackSnapshot)"/>.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="FormatException">The text is not a callback snapshot.</exception>
    public static CallbackSnapshot ReadCallback(string json)
    {
        var o = Open(json);
        var attempts = new List<CallbackAttempt>();
        foreach (var a in o.Array("attempts"))
        {
            attempts.Add(new CallbackAttempt(
                (int)a.Long("number"), a.Instant("startedAt"), a.OptInstant("endedAt"), ReadNumber(a.Object("dialled")),
                a.String("agent"), new InteractionId(a.Guid("interaction")), a.OptEnum<CallbackAttemptResult>("result")));
        }

        var offer = o.OptObject("offer");
        return new CallbackSnapshot(
            new CallbackId(o.Guid("id")), o.Enum<CallbackKind>("kind"), o.Enum<CallbackState>("state"), o.Instant("createdAt"),
            ReadSchedule(o.Object("schedule")), o.Instant("queuedSince"), attempts.AsReadOnly(), o.Long("sequence"))
        {
            Subject = o.OptString("subject"),
            CustomerZone = o.OptString("zone") is { } zone ? Zone(zone) : null,
            PreferredAgentId = o.OptString("preferredAgent"),
            Queue = o.OptString("queue"),
            CampaignId = o.OptString("campaign"),
            MessageReference = o.OptString("message"),
            PendingReschedule = o.OptObject("pending") is { } pending ? ReadSchedule(pending) : null,
            IsRescheduled = o.Bool("rescheduled"),
            DueSince = o.OptInstant("dueSince"),
            VoiceMessageAnchor = o.OptInstant("anchor"),
            CurrentOffer = offer is null ? null : new CallbackOffer(offer.String("agent"), new InteractionId(offer.Guid("interaction")), offer.Instant("at")),
            EndReason = o.OptEnum<CallbackEndReason>("endReason"),
        };
    }

    // ----- campaigns ---------------------------------------------------------------------------------

    /// <summary>Writes a campaign's own data.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(CampaignSnapshot snapshot)
    {
        Guard.NotNull(snapshot);
        var w = Begin();
        w.Name("id").String(snapshot.Id).Name("name").String(snapshot.Name).Name("mode").String(snapshot.Mode.ToString())
            .Name("state").String(snapshot.State.ToString());
        w.Name("agents").BeginArray();
        foreach (var agent in snapshot.AssignedAgents)
        {
            w.String(agent);
        }

        w.EndArray().Name("sequence").Number(snapshot.Sequence);
        return w.EndObject().ToString();
    }

    /// <summary>Reads a campaign's own data.</summary>
    /// <param name="json">Text written by <see cref="Write(CampaignSnapshot)"/>.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="FormatException">The text is not a campaign snapshot.</exception>
    public static CampaignSnapshot ReadCampaign(string json)
    {
        var o = Open(json);
        return new CampaignSnapshot(o.String("id"), o.String("name"), o.Enum<DeliveryMode>("mode"), o.Enum<CampaignState>("state"),
            o.Strings("agents"), o.Long("sequence"));
    }

    /// <summary>Writes a calling list (name and records, with numbers, zones and data).</summary>
    /// <param name="list">The list.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(CallingList list)
    {
        Guard.NotNull(list);
        var w = Begin();
        w.Name("name").String(list.Name).Name("records").BeginArray();
        foreach (var record in list.Records)
        {
            Write(w, record);
        }

        return w.EndArray().EndObject().ToString();
    }

    /// <summary>Reads a calling list.</summary>
    /// <param name="json">Text written by <see cref="Write(CallingList)"/>.</param>
    /// <returns>The list.</returns>
    /// <exception cref="FormatException">The text is not a calling list.</exception>
    public static CallingList ReadCallingList(string json)
    {
        var o = Open(json);
        var records = new List<CallingRecordData>();
        foreach (var r in o.Array("records"))
        {
            records.Add(ReadRecordData(r));
        }

        return new CallingList(o.String("name"), records);
    }

    /// <summary>Writes one record of a calling list (for stores that keep the list row by row).</summary>
    /// <param name="data">The record's data.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(CallingRecordData data)
    {
        Guard.NotNull(data);
        var w = new JsonWriter();
        Write(w, data);
        return w.ToString();
    }

    /// <summary>Reads one record of a calling list.</summary>
    /// <param name="json">Text written by <see cref="Write(CallingRecordData)"/>.</param>
    /// <returns>The record's data.</returns>
    /// <exception cref="FormatException">The text is not a record's data.</exception>
    public static CallingRecordData ReadRecordData(string json) => ReadRecordData(Open(json, versioned: false));

    /// <summary>Writes a calling record's snapshot (state, attempts and results).</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(CallingRecordSnapshot snapshot)
    {
        Guard.NotNull(snapshot);
        var w = Begin();
        w.Name("campaign").String(snapshot.CampaignId).Name("id").String(snapshot.RecordId).Name("position").Number(snapshot.Position)
            .Name("state").String(snapshot.State.ToString()).Name("ticket").Number(snapshot.Ticket);
        w.Name("attempts").BeginArray();
        foreach (var a in snapshot.Attempts)
        {
            w.BeginObject().Name("ordinal").Number(a.Ordinal).Name("interaction").String(a.InteractionId.Value.ToString("N")).Name("number");
            Write(w, a.Number);
            w.Name("startedAt").String(Format(a.StartedAt)).Name("agent").String(a.AgentId).Name("result").String(a.Result?.ToString())
                .Name("endedAt").String(Format(a.EndedAt)).EndObject();
        }

        w.EndArray();
        w.Name("skips").Number(snapshot.SkipCount).Name("retryAt").String(Format(snapshot.RetryAt)).Name("agent").String(snapshot.AgentId)
            .Name("disposition").String(snapshot.Disposition).Name("endReason").String(snapshot.EndReason?.ToString());
        w.Name("wait");
        if (snapshot.Wait is { } wait)
        {
            w.BeginObject().Name("explanation").String(wait.Explanation).Name("checkedAt").String(Format(wait.CheckedAt))
                .Name("nextOpeningAt").String(Format(wait.NextOpeningAt)).EndObject();
        }
        else
        {
            w.Null();
        }

        w.Name("unusable").BeginArray();
        foreach (var reason in snapshot.UnusableNumbers)
        {
            w.String(reason);
        }

        w.EndArray().Name("previewDeadline").String(Format(snapshot.PreviewDeadline));
        return w.EndObject().ToString();
    }

    /// <summary>Reads a calling record's snapshot.</summary>
    /// <param name="json">Text written by <see cref="Write(CallingRecordSnapshot)"/>.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="FormatException">The text is not a record snapshot.</exception>
    public static CallingRecordSnapshot ReadRecord(string json)
    {
        var o = Open(json);
        var attempts = new List<RecordAttempt>();
        foreach (var a in o.Array("attempts"))
        {
            attempts.Add(new RecordAttempt((int)a.Long("ordinal"), new InteractionId(a.Guid("interaction")), ReadRecordNumber(a.Object("number")),
                a.Instant("startedAt"), a.OptString("agent"), a.OptEnum<CampaignCallResult>("result"), a.OptInstant("endedAt")));
        }

        var wait = o.OptObject("wait");
        var unusable = new List<string?>();
        foreach (var item in o.Raw<List<object?>>("unusable"))
        {
            unusable.Add(item as string);
        }

        return new CallingRecordSnapshot(o.String("campaign"), o.String("id"), (int)o.Long("position"), o.Enum<CallingRecordState>("state"), o.Long("ticket"), attempts.AsReadOnly())
        {
            SkipCount = (int)o.Long("skips"),
            RetryAt = o.OptInstant("retryAt"),
            AgentId = o.OptString("agent"),
            Disposition = o.OptString("disposition"),
            EndReason = o.OptEnum<RecordEndReason>("endReason"),
            Wait = wait is null ? null : new RecordWait(wait.String("explanation"), wait.Instant("checkedAt"), wait.OptInstant("nextOpeningAt")),
            UnusableNumbers = unusable.AsReadOnly(),
            PreviewDeadline = o.OptInstant("previewDeadline"),
        };
    }

    // ----- interactions ------------------------------------------------------------------------------

    /// <summary>Writes an interaction snapshot.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(InteractionSnapshot snapshot)
    {
        Guard.NotNull(snapshot);
        var w = Begin();
        w.Name("id").String(snapshot.Id.Value.ToString("N")).Name("media").String(snapshot.Media.ToString())
            .Name("direction").String(snapshot.Direction.ToString()).Name("state").String(snapshot.State.ToString());
        w.Name("parties").BeginArray();
        foreach (var p in snapshot.Parties)
        {
            w.BeginObject().Name("id").Number(p.Id.Value).Name("role").String(p.Role.ToString()).Name("address").String(p.Address)
                .Name("state").String(p.State.ToString()).EndObject();
        }

        w.EndArray().Name("consultation");
        if (snapshot.Consultation is { } c)
        {
            w.BeginObject().Name("kind").String(c.Kind.ToString()).Name("target").Number(c.Target.Value).Name("reason").String(c.Reason).EndObject();
        }
        else
        {
            w.Null();
        }

        w.Name("notes").BeginArray();
        foreach (var n in snapshot.Notes)
        {
            w.BeginObject().Name("text").String(n.Text).Name("kind").String(n.Kind.ToString()).Name("at").String(Format(n.At)).EndObject();
        }

        w.EndArray().Name("disposition").String(snapshot.Disposition).Name("callResult").String(snapshot.CallResult?.ToString());
        w.Name("attached");
        Write(w, snapshot.AttachedData);
        w.Name("custom");
        Write(w, snapshot.CustomData);
        w.Name("secure").Bool(snapshot.IsSecure).Name("sequence").Number(snapshot.Sequence);
        return w.EndObject().ToString();
    }

    /// <summary>Reads an interaction snapshot.</summary>
    /// <param name="json">Text written by <see cref="Write(InteractionSnapshot)"/>.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="FormatException">The text is not an interaction snapshot.</exception>
    public static InteractionSnapshot ReadInteraction(string json)
    {
        var o = Open(json);
        var parties = new List<Party>();
        foreach (var p in o.Array("parties"))
        {
            parties.Add(new Party(new PartyId((int)p.Long("id")), p.Enum<PartyRole>("role"), p.String("address"), p.Enum<PartyState>("state")));
        }

        var notes = new List<Note>();
        foreach (var n in o.Array("notes"))
        {
            notes.Add(new Note(n.String("text"), n.Enum<NoteKind>("kind"), n.Instant("at")));
        }

        var c = o.OptObject("consultation");
        return new InteractionSnapshot(
            new InteractionId(o.Guid("id")), o.Enum<MediaType>("media"), o.Enum<InteractionDirection>("direction"), o.Enum<InteractionState>("state"),
            parties.AsReadOnly(),
            c is null ? null : new Consultation(c.Enum<ConsultationKind>("kind"), new PartyId((int)c.Long("target")), c.OptString("reason")),
            notes.AsReadOnly(), o.OptString("disposition"), o.OptEnum<CallResult>("callResult"),
            ReadDictionary(o.Object("attached")), ReadDictionary(o.Object("custom")), o.Bool("secure"), o.Long("sequence"));
    }

    // ----- bookings ----------------------------------------------------------------------------------

    /// <summary>Writes a slot booking.</summary>
    /// <param name="booking">The booking.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(SlotBooking booking)
    {
        Guard.NotNull(booking);
        var w = Begin();
        w.Name("id").String(booking.Id).Name("slotStart").String(Format(booking.SlotStart)).Name("length").String(s_duration.Format(booking.Length))
            .Name("customerLocal").String(s_offsetDateTime.Format(booking.CustomerLocal)).Name("centreLocal").String(s_offsetDateTime.Format(booking.CentreLocal))
            .Name("bookedAt").String(Format(booking.BookedAt));
        return w.EndObject().ToString();
    }

    /// <summary>Reads a slot booking.</summary>
    /// <param name="json">Text written by <see cref="Write(SlotBooking)"/>.</param>
    /// <returns>The booking.</returns>
    /// <exception cref="FormatException">The text is not a booking.</exception>
    public static SlotBooking ReadBooking(string json)
    {
        var o = Open(json);
        var slot = new Slot(o.Instant("slotStart"), o.Parse("length", s_duration), o.Parse("customerLocal", s_offsetDateTime), o.Parse("centreLocal", s_offsetDateTime), 0, 0);
        return new SlotBooking(o.String("id"), slot, o.Instant("bookedAt"));
    }

    // ----- parts -------------------------------------------------------------------------------------

    private static JsonWriter Begin() => new JsonWriter().BeginObject().Name("v").Number(FormatVersion);

    private static Node Open(string json, bool versioned = true)
    {
        Guard.NotNull(json);
        if (JsonReader.Parse(json) is not Dictionary<string, object?> root)
        {
            throw new FormatException("Stored snapshot is not a JSON object.");
        }

        var node = new Node(root);
        if (versioned && node.Long("v") > FormatVersion)
        {
            throw new FormatException($"Stored snapshot has format version {node.Long("v")}; this version reads up to {FormatVersion}.");
        }

        return node;
    }

    private static string? Format(Instant? instant) => instant is { } i ? s_instant.Format(i) : null;

    private static void Write(JsonWriter w, CallbackSchedule schedule)
    {
        w.BeginObject().Name("dueAt").String(Format(schedule.DueAt)).Name("window");
        if (schedule.Window is { } window)
        {
            w.BeginObject().Name("start").String(window.HasStart ? Format(window.Start) : null).Name("end").String(window.HasEnd ? Format(window.End) : null).EndObject();
        }
        else
        {
            w.Null();
        }

        w.Name("number");
        Write(w, schedule.Number);
        w.Name("personal").String(schedule.Ownership.IsPersonal ? schedule.Ownership.AgentId : null);
        w.EndObject();
    }

    private static CallbackSchedule ReadSchedule(Node o)
    {
        var window = o.OptObject("window");
        Interval? interval = window is null ? null : new Interval(window.OptInstant("start"), window.OptInstant("end"));
        var personal = o.OptString("personal");
        return new CallbackSchedule(o.Instant("dueAt"), interval, ReadNumber(o.Object("number")),
            personal is null ? CallbackOwnership.Shared : CallbackOwnership.Personal(personal));
    }

    private static void Write(JsonWriter w, ContactNumber number)
    {
        w.BeginObject().Name("e164").String(number.Number == default ? null : number.Number.E164).Name("type").String(number.Type.ToString()).Name("hours");
        if (number.ReachableHours is { } hours)
        {
            w.BeginObject().Name("start").String(s_time.Format(hours.Start)).Name("end").String(s_time.Format(hours.End)).EndObject();
        }
        else
        {
            w.Null();
        }

        w.EndObject();
    }

    private static ContactNumber ReadNumber(Node o)
    {
        var hours = o.OptObject("hours");
        var e164 = o.OptString("e164");
        return new ContactNumber(
            e164 is null ? default : PhoneNumber.Parse(e164),
            o.Enum<PhoneNumberType>("type"),
            hours is null ? null : new LocalTimeRange(hours.Parse("start", s_time), hours.Parse("end", s_time)));
    }

    private static void Write(JsonWriter w, RecordNumber number)
    {
        w.BeginObject().Name("contact");
        Write(w, number.Contact);
        w.Name("zones");
        if (number.Zones is { } zones)
        {
            w.BeginArray();
            foreach (var zone in zones)
            {
                w.String(zone.Id);
            }

            w.EndArray();
        }
        else
        {
            w.Null();
        }

        w.EndObject();
    }

    private static RecordNumber ReadRecordNumber(Node o)
    {
        IReadOnlyList<DateTimeZone>? zones = null;
        if (o.Has("zones"))
        {
            var list = new List<DateTimeZone>();
            foreach (var id in o.Strings("zones"))
            {
                list.Add(Zone(id));
            }

            zones = list.AsReadOnly();
        }

        return new RecordNumber(ReadNumber(o.Object("contact")), zones);
    }

    private static void Write(JsonWriter w, CallingRecordData data)
    {
        w.BeginObject().Name("id").String(data.Id).Name("name").String(data.ContactName).Name("numbers").BeginArray();
        foreach (var number in data.Numbers)
        {
            Write(w, number);
        }

        w.EndArray().Name("data");
        Write(w, data.Data);
        w.EndObject();
    }

    private static CallingRecordData ReadRecordData(Node r)
    {
        var numbers = new List<RecordNumber>();
        foreach (var n in r.Array("numbers"))
        {
            numbers.Add(ReadRecordNumber(n));
        }

        return new CallingRecordData(r.String("id"), r.String("name"), numbers.AsReadOnly()) { Data = ReadDictionary(r.Object("data")) };
    }

    private static void Write(JsonWriter w, IReadOnlyDictionary<string, string> data)
    {
        var keys = new List<string>();
        foreach (var pair in data)
        {
            keys.Add(pair.Key);
        }

        keys.Sort(StringComparer.Ordinal);
        w.BeginObject();
        foreach (var key in keys)
        {
            w.Name(key).String(data[key]);
        }

        w.EndObject();
    }

    private static ReadOnlyDictionary<string, string> ReadDictionary(Node o)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in o.Members)
        {
            data[pair.Key] = pair.Value as string ?? throw new FormatException($"Stored data key '{pair.Key}' has no text value.");
        }

        return new ReadOnlyDictionary<string, string>(data);
    }

    private static DateTimeZone Zone(string id) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) ?? throw new FormatException($"Stored time zone '{id}' is not known to this time-zone database ({TimeZoneIds.TzdbVersion}).");

    /// <summary>Typed access to one parsed JSON object.</summary>
    private sealed class Node(Dictionary<string, object?> members)
    {
        public Dictionary<string, object?> Members { get; } = members;

        public bool Has(string name) => Members.TryGetValue(name, out var value) && value is not null;

        public T Raw<T>(string name)
            where T : class =>
            Members.TryGetValue(name, out var value) && value is T typed ? typed : throw Missing(name);

        public string String(string name) => Raw<string>(name);

        public string? OptString(string name) => Members.TryGetValue(name, out var value) ? value as string : null;

        public long Long(string name) => Members.TryGetValue(name, out var value) && value is long l ? l : throw Missing(name);

        public bool Bool(string name) => Members.TryGetValue(name, out var value) && value is bool b ? b : throw Missing(name);

        public Guid Guid(string name) => System.Guid.TryParseExact(String(name), "N", out var id) ? id : throw Missing(name);

        public Instant Instant(string name) => Parse(name, s_instant);

        public Instant? OptInstant(string name) => Has(name) ? Parse(name, s_instant) : null;

        public T Parse<T>(string name, IPattern<T> pattern)
        {
            var result = pattern.Parse(String(name));
            return result.Success ? result.Value : throw Missing(name);
        }

        public T Enum<T>(string name)
            where T : struct, Enum =>
            System.Enum.TryParse(String(name), ignoreCase: false, out T value) && EnumCheck.IsDefined(value) ? value : throw Missing(name);

        public T? OptEnum<T>(string name)
            where T : struct, Enum =>
            Has(name) ? Enum<T>(name) : null;

        public Node Object(string name) => new(Raw<Dictionary<string, object?>>(name));

        public Node? OptObject(string name) => Has(name) ? Object(name) : null;

        public IEnumerable<Node> Array(string name)
        {
            foreach (var item in Raw<List<object?>>(name))
            {
                yield return item is Dictionary<string, object?> o ? new Node(o) : throw Missing(name);
            }
        }

        public ReadOnlyCollection<string> Strings(string name)
        {
            var list = new List<string>();
            foreach (var item in Raw<List<object?>>(name))
            {
                list.Add(item as string ?? throw Missing(name));
            }

            return list.AsReadOnly();
        }

        private static FormatException Missing(string name) =>
            new(string.Format(CultureInfo.InvariantCulture, "Stored snapshot has no valid '{0}'.", name));
    }
}
