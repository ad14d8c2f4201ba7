using System;
using System.Linq;
using ContactCenter.Core.StateMachines;
using ContactCenter.Core.Tests.StateMachines.Model;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ContactCenter.Core.Tests.StateMachines;

/// <summary>
/// Model-based properties: random definitions are built into the engine and into
/// <see cref="ReferenceMachine"/> (written from the specified semantics), random trigger sequences with
/// flag flips run on both, and everything observable is compared after every step. Each property
/// runs a fixed number of cases from a fixed seed; on failure the message carries the seed, the
/// shrunk counterexample and how to replay it (see <see cref="PropertyRunner"/>).
/// </summary>
public sealed class StateMachinePropertyTests
{
    /// <summary>Cases of the properties comparing the engine with the reference model.</summary>
    private const int ModelCases = 2000;

    /// <summary>Cases of the other properties.</summary>
    private const int Cases = 1000;

    private readonly ITestOutputHelper _output;

    public StateMachinePropertyTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Engine_matches_the_reference_model_on_flat_definitions()
    {
        var stats = new ModelStats();
        PropertyRunner.Check(
            _output,
            nameof(Engine_matches_the_reference_model_on_flat_definitions),
            0x5EED_F1A7,
            ModelCases,
            SpecGenerator.Arbitrary(GenOptions.Flat),
            testCase => stats.Add(ModelChecker<MState, MTrigger>.Check(testCase, (MState)99)));

        RequireCoverage(stats, "ResolvedInSuperstate", "FromSuperstate", "InitialTransitionsFollowed", "CommonAncestorKept");
    }

    [Fact]
    public void Engine_matches_the_reference_model_on_hierarchical_definitions()
    {
        var stats = new ModelStats();
        PropertyRunner.Check(
            _output,
            nameof(Engine_matches_the_reference_model_on_hierarchical_definitions),
            0x5EED_41E2,
            ModelCases,
            SpecGenerator.Arbitrary(GenOptions.Hierarchy),
            testCase => stats.Add(ModelChecker<MState, MTrigger>.Check(testCase, (MState)99)));

        RequireCoverage(stats);
    }

    [Fact]
    public void Engine_matches_the_reference_model_with_sparse_signed_and_aliased_enum_values()
    {
        // Ordinal i of the spec is the i-th distinct value in Enum.GetValues order (unsigned
        // magnitude), which is the order specified for PermittedTriggers.
        var stats = new ModelStats();
        PropertyRunner.Check(
            _output,
            nameof(Engine_matches_the_reference_model_with_sparse_signed_and_aliased_enum_values),
            0x5EED_0DD5,
            ModelCases,
            SpecGenerator.Arbitrary(GenOptions.Hierarchy),
            testCase => stats.Add(ModelChecker<MSparseState, MSByteTrigger>.Check(testCase, (MSparseState)42)));

        RequireCoverage(stats);
    }

    [Fact]
    public void Typed_CanFire_takes_the_first_passing_behaviour_without_an_ambiguity_check()
    {
        // The specified semantics: CanFire "... (and the first passing behaviour wins without ambiguity
        // check)". Checked here for CanFire<T1>(trigger, arg) with overlapping guards, which the
        // other properties skip.
        var stats = new ModelStats();
        PropertyRunner.Check(
            _output,
            nameof(Typed_CanFire_takes_the_first_passing_behaviour_without_an_ambiguity_check),
            0x5EED_7E9D,
            Cases,
            SpecGenerator.Arbitrary(GenOptions.Hierarchy),
            testCase => stats.Add(ModelChecker<MState, MTrigger>.Check(testCase, (MState)99, typedQueriesWithOverlappingGuards: true)));
    }

    [Fact]
    public void Refused_trigger_changes_nothing()
    {
        int probes = 0;
        PropertyRunner.Check(
            _output,
            nameof(Refused_trigger_changes_nothing),
            0x5EED_BEEF,
            Cases,
            SpecGenerator.Arbitrary(GenOptions.Hierarchy),
            testCase => probes += CheckRefusalsChangeNothing(testCase));

        _output.WriteLine($"refused firings probed: {probes}");
        Assert.True(probes > Cases, $"only {probes} refusals were probed");
    }

    [Fact]
    public void Build_rejects_exactly_the_invalid_definitions()
    {
        int valid = 0;
        int invalid = 0;
        PropertyRunner.Check(
            _output,
            nameof(Build_rejects_exactly_the_invalid_definitions),
            0x5EED_B11D,
            Cases,
            RawDefinition.Arbitrary(),
            definition =>
            {
                if (CheckBuildVerdict(definition))
                {
                    valid++;
                }
                else
                {
                    invalid++;
                }
            });

        _output.WriteLine($"valid definitions: {valid}, invalid: {invalid}");
        Assert.True(valid > Cases / 5 && invalid > Cases / 5, $"unbalanced generator: {valid} valid, {invalid} invalid");
    }

    // ----- refusals ------------------------------------------------------------------------------

    /// <summary>
    /// Before every step, fires each trigger the engine says it cannot fire and checks that it is
    /// refused with an accurate UnhandledTriggerException and that nothing observable changed; also
    /// fires every trigger with the wrong arguments (ArgumentException, nothing changed). Independent
    /// of the reference model. Returns the number of refusals probed.
    /// </summary>
    private static int CheckRefusalsChangeNothing(ModelCase testCase)
    {
        var spec = testCase.Spec;
        var built = EngineHarness<MState, MTrigger>.Build(spec, (MState)99);
        var machine = EngineHarness<MState, MTrigger>.CreateInstance(built);
        int probes = 0;
        for (int i = 0; i <= testCase.Steps.Length; i++)
        {
            for (int t = 0; t < spec.TriggerCount; t++)
            {
                var wrongArguments = spec.IsTyped(t)
                    ? new[] { new ModelStep(StepKind.FireWithoutArgs, t), new ModelStep(StepKind.FireWrongParameters, t) }
                    : [new ModelStep(StepKind.FireWrongParameters, t, 0)];
                foreach (var wrong in wrongArguments)
                {
                    string unchanged = Snapshot(machine);
                    var rejected = EngineHarness<MState, MTrigger>.Apply(built, machine, wrong);
                    if (rejected.Exception?.GetType() != typeof(ArgumentException) || Snapshot(machine) != unchanged)
                    {
                        throw new XunitException($"before step #{i}, {wrong}: expected ArgumentException and no change, got {rejected}; before: {unchanged}; after: {Snapshot(machine)}");
                    }
                }

                var trigger = (MTrigger)t;
                if (machine.CanFire(trigger, out var unmet))
                {
                    continue;
                }

                probes++;
                string before = Snapshot(machine);
                var permittedBefore = machine.PermittedTriggers.ToList();
                var outcome = EngineHarness<MState, MTrigger>.Fire(built, machine, t, viaAsync: (i + t) % 2 == 1);
                string where = $"before step #{i}, refusing T{t} (via {((i + t) % 2 == 1 ? "FireAsync" : "Fire")})";
                if (outcome.Exception is not UnhandledTriggerException refused)
                {
                    throw new XunitException($"{where}: CanFire was false but the outcome was {outcome}");
                }

                string after = Snapshot(machine);
                if (after != before)
                {
                    throw new XunitException($"{where}: the refusal changed the machine.{Environment.NewLine}before: {before}{Environment.NewLine}after:  {after}");
                }

                bool accurate = Equals(refused.State, machine.State)
                    && Equals(refused.Trigger, trigger)
                    && refused.PermittedTriggers.SequenceEqual(permittedBefore.Cast<Enum>())
                    && refused.UnmetGuards.SequenceEqual(unmet);
                if (!accurate)
                {
                    throw new XunitException(
                        $"{where}: inaccurate exception: State={refused.State} Trigger={refused.Trigger} Permitted=[{string.Join(",", refused.PermittedTriggers)}] Unmet=[{string.Join("; ", refused.UnmetGuards)}]; " +
                        $"expected State={machine.State} Trigger={trigger} Permitted=[{string.Join(",", permittedBefore)}] Unmet=[{string.Join("; ", unmet)}]");
                }
            }

            if (i == testCase.Steps.Length)
            {
                break;
            }

            _ = EngineHarness<MState, MTrigger>.Apply(built, machine, testCase.Steps[i]);
        }

        return probes;
    }

    private static string Snapshot(StateMachine<MState, MTrigger, ModelContext> machine) =>
        $"State={machine.State}; InState=[{string.Join(",", Enum.GetValues<MState>().Where(machine.IsInState))}]; " +
        $"Permitted=[{string.Join(",", machine.PermittedTriggers)}]; Flags=[{string.Join(",", machine.Context.Flags)}]; " +
        $"Log=[{string.Join(", ", machine.Context.Log)}]";

    // ----- Build validation ------------------------------------------------------------------------

    /// <summary>Checks Build's verdict against the specified validation rules; returns whether the definition is valid.</summary>
    private static bool CheckBuildVerdict(RawDefinition definition)
    {
        var builder = definition.Configure();
        bool valid = definition.IsValid;
        try
        {
            var built = builder.Build(MState.S0);
            if (!valid)
            {
                throw new XunitException($"Build accepted an invalid definition: {definition}");
            }

            // A valid definition must be usable: CreateMachine follows the initial transitions.
            int initial = 0;
            while (definition.InitialChildren[initial] >= 0)
            {
                initial = definition.InitialChildren[initial];
            }

            var machine = built.CreateMachine(new ModelContext([false, false, false], 0));
            Assert.Equal((MState)initial, machine.State);
        }
        catch (StateMachineDefinitionException exception)
        {
            if (valid)
            {
                throw new XunitException($"Build rejected a valid definition: {exception.Message}{Environment.NewLine}{definition}");
            }

            int problems = definition.BadInitialTransitions.Count() + definition.BadGroups.Count() + (definition.HasCycle ? 1 : 0);
            if (exception.Errors.Count < problems || exception.Errors.Any(e => !exception.Message.Contains(e, StringComparison.Ordinal)))
            {
                throw new XunitException($"Build listed {exception.Errors.Count} errors for {problems} problems: {exception.Message}{Environment.NewLine}{definition}");
            }
        }

        return valid;
    }

    // ----- coverage ----------------------------------------------------------------------------------

    /// <summary>Fails if the generator never exercised some rule (except the ones listed as not applicable).</summary>
    private void RequireCoverage(ModelStats stats, params string[] notApplicable)
    {
        _output.WriteLine($"coverage: {stats}");
        var missing = stats.Zero().Except(notApplicable).ToList();
        Assert.True(missing.Count == 0, $"The generator never exercised: {string.Join(", ", missing)} ({stats})");
    }
}
