using System;
using System.IO;
using ContactCenter.Samples.OutboundCampaign;

// Runs the two-hour predictive campaign and prints its progress and report. With --smoke (CI), runs a
// 30-minute campaign without printing it: any failure (a refused command, nothing connected) exits non-zero.
bool smoke = args is ["--smoke"];
if (args.Length > 0 && !smoke)
{
    Console.Error.WriteLine("usage: ContactCenter.Samples.OutboundCampaign [--smoke]");
    return 2;
}

try
{
    if (smoke)
    {
        OutboundCampaignRun.Run(TextWriter.Null, OutboundCampaignRun.SmokeShiftLength);
        Console.WriteLine("Outbound campaign smoke run: OK.");
    }
    else
    {
        OutboundCampaignRun.Run(Console.Out);
    }

    return 0;
}
#pragma warning disable CA1031 // The sample's entry point reports any failure as a non-zero exit code.
catch (Exception exception)
#pragma warning restore CA1031
{
    Console.Error.WriteLine($"The outbound campaign failed: {exception}");
    return 1;
}
