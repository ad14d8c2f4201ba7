namespace ContactCenter.Core.Contacts;

/// <summary>What kind of line a contact number is.</summary>
public enum PhoneNumberType
{
    /// <summary>Not known.</summary>
    Unknown = 0,

    /// <summary>A fixed (landline) voice line at home.</summary>
    Home,

    /// <summary>A fixed voice line at work.</summary>
    Work,

    /// <summary>A mobile phone.</summary>
    Mobile,

    /// <summary>Another voice line.</summary>
    Other,
}
