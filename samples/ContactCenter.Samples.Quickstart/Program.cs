using System;
using System.IO;
using ContactCenter.Samples.Quickstart;

// Prints the scripted shift. With --smoke (CI), runs the same script without printing it: any failure
// (a refused command, an unexpected final state) exits non-zero.
bool smoke = args is ["--smoke"];
if (args.Length > 0 && !smoke)
{
    Console.Error.WriteLine("usage: ContactCenter.Samples.Quickstart [--smoke]");
    return 2;
}

try
{
    if (smoke)
    {
        using var output = new StringWriter();
        QuickstartShift.Run(output);
        Console.WriteLine("Quickstart smoke run: OK.");
    }
    else
    {
        QuickstartShift.Run(Console.Out);
    }

    return 0;
}
#pragma warning disable CA1031 // The sample's entry point reports any failure as a non-zero exit code.
catch (Exception exception)
#pragma warning restore CA1031
{
    Console.Error.WriteLine($"The quickstart shift failed: {exception}");
    return 1;
}
