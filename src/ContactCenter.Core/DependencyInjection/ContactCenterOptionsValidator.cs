using System;
using System.Collections.Generic;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using ContactCenter.Core.Pacing;
using Microsoft.Extensions.Options;

namespace ContactCenter.Core.DependencyInjection;

/// <summary>
/// Validates <see cref="ContactCenterOptions"/> with each record's own rules, and names every problem by its
/// configuration path: <c>ContactCenter:Pacing:Predictive:HardCap must be above SetPoint and at most 1 (was 0.02).</c>
/// </summary>
internal sealed class ContactCenterOptionsValidator(string sectionPath) : IValidateOptions<ContactCenterOptions>
{
    private const string AbandonRatePrefix = "Invalid abandon-rate options: ";

    private static readonly Regex s_sentences = new(@"(?<=\.)\s+(?=[A-Z])", RegexOptions.CultureInvariant);
    private static readonly Regex s_prefix = new(@"^Invalid [a-z -]+ options: ", RegexOptions.CultureInvariant);

    public ValidateOptionsResult Validate(string? name, ContactCenterOptions options)
    {
        // The records' own messages format their numbers with the current culture: read them in the invariant one,
        // so that a start-up failure reads the same on every machine ("(was 0.05)", "(was -1)").
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            return ValidateInvariant(options);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    private ValidateOptionsResult ValidateInvariant(ContactCenterOptions options)
    {
        var failures = new List<string>();
        Check(failures, "Agents", options.Agents, static o => o.Validate());
        Check(failures, "Interactions", options.Interactions, static _ => { });
        Check(failures, "Callbacks", options.Callbacks, static o => o.Validate());
        Check(failures, "Campaigns", options.Campaigns, static o => o.Validate());
        Check(failures, "Recovery", options.Recovery, static o => o.Validate());
        if (options.Pacing is null)
        {
            failures.Add($"{sectionPath}:Pacing must not be null.");
        }
        else
        {
            Check(failures, "Pacing:Predictive", options.Pacing.Predictive, static o => o.Validate());
            Check(failures, "Pacing:Statistics", options.Pacing.Statistics, static o => o.Validate());
            if (options.Pacing.ProgressiveLinesPerAgent is < 1 or > 10)
            {
                failures.Add(FormattableString.Invariant($"{sectionPath}:Pacing:ProgressiveLinesPerAgent must be between 1 and 10 (was {options.Pacing.ProgressiveLinesPerAgent})."));
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void Check<T>(List<string> failures, string part, T? options, Action<T> validate)
        where T : class
    {
        var path = sectionPath + ":" + part;
        if (options is null)
        {
            failures.Add($"{path} must not be null.");
            return;
        }

        try
        {
            validate(options);
        }
        catch (ArgumentException exception)
        {
            failures.AddRange(Describe(path, typeof(T), exception));
        }
    }

    /// <summary>
    /// One failure per sentence of the record's message, each led by the option's path when the sentence starts
    /// with the option's name (<c>HardCap must be...</c> becomes <c>ContactCenter:Pacing:Predictive:HardCap must be...</c>).
    /// </summary>
    internal static IEnumerable<string> Describe(string path, Type optionsType, ArgumentException exception)
    {
        var message = exception.Message;
        var parameterSuffix = exception.ParamName is null ? null : $" (Parameter '{exception.ParamName}')";
        if (parameterSuffix is not null && message.EndsWith(parameterSuffix, StringComparison.Ordinal))
        {
            message = message.Substring(0, message.Length - parameterSuffix.Length);
        }

        message = s_prefix.Replace(message, string.Empty);
        foreach (var sentence in s_sentences.Split(message))
        {
            var text = sentence.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            // DialerStatisticsOptions carries the abandon-rate options' own message.
            yield return text.StartsWith(AbandonRatePrefix, StringComparison.Ordinal)
                ? WithPath(path + ":AbandonRate", typeof(AbandonRateOptions), text.Substring(AbandonRatePrefix.Length))
                : WithPath(path, optionsType, text);
        }
    }

    private static string WithPath(string path, Type optionsType, string sentence)
    {
        int end = 0;
        while (end < sentence.Length && (char.IsLetterOrDigit(sentence[end]) || sentence[end] == '_'))
        {
            end++;
        }

        bool named = end > 0
            && (end == sentence.Length || sentence[end] is ' ' or '[' or '.')
            && optionsType.GetProperty(sentence.Substring(0, end), BindingFlags.Public | BindingFlags.Instance) is not null;
        if (!named)
        {
            return $"{path}: {sentence}";
        }

        // A nested option (AfterCallWork.DefaultDuration) is a nested section in configuration.
        bool nested = end + 1 < sentence.Length && sentence[end] == '.' && char.IsLetter(sentence[end + 1]);
        return nested
            ? $"{path}:{sentence.Substring(0, end)}:{sentence.Substring(end + 1)}"
            : $"{path}:{sentence}";
    }
}
