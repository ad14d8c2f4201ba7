namespace ContactCenter.Core.Pacing;

/// <summary>The instant from which the connect threshold of a live answer is measured.</summary>
public enum AbandonMeasurement
{
    /// <summary>From the end of the greeting played to the answered party (the UK Ofcom reading; the default).</summary>
    FromGreetingEnd,

    /// <summary>From the instant the call was answered (the US FTC/FCC reading: "within two seconds after the completed greeting" is often applied from answer).</summary>
    FromAnswer,
}
