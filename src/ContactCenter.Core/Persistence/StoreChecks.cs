using System;
using System.Collections.Generic;
using ContactCenter.Core.Campaigns;

namespace ContactCenter.Core.Persistence;

/// <summary>Argument checks every store makes before writing, so that every store refuses the same inputs.</summary>
public static class StoreChecks
{
    /// <summary>Checks that <paramref name="records"/> are records of <paramref name="list"/>, of this campaign, each once.</summary>
    /// <param name="campaign">The campaign.</param>
    /// <param name="list">Its calling list.</param>
    /// <param name="records">The records' snapshots.</param>
    /// <exception cref="ArgumentException">A record of another campaign, not in the list, or given twice.</exception>
    public static void CheckRecords(CampaignSnapshot campaign, CallingList list, IReadOnlyList<CallingRecordSnapshot> records)
    {
        Internal.Guard.NotNull(campaign);
        Internal.Guard.NotNull(list);
        Internal.Guard.NotNull(records);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var data in list.Records)
        {
            ids.Add(data.Id);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            Internal.Guard.NotNull(record, nameof(records));
            if (!string.Equals(record.CampaignId, campaign.Id, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Record {record.RecordId} belongs to campaign {record.CampaignId}, not {campaign.Id}.", nameof(records));
            }

            if (!ids.Contains(record.RecordId))
            {
                throw new ArgumentException($"Record {record.RecordId} is not in calling list {list.Name}.", nameof(records));
            }

            if (!seen.Add(record.RecordId))
            {
                throw new ArgumentException($"Record {record.RecordId} is given twice.", nameof(records));
            }
        }
    }
}
