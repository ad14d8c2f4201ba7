using System;
using System.Linq;
using System.Text.RegularExpressions;
using ContactCenter.Core.StateMachines;
using Xunit;

namespace ContactCenter.Core.Tests.StateMachines;

/// <summary>
/// The DOT and Mermaid exports. The expected texts were generated once and read line by line:
/// substates sit inside their superstate's cluster (DOT) or composite state (Mermaid), the
/// superstate's initial transition is drawn inside it, guards show their descriptions, reentries and
/// internal transitions are marked, and a dynamic transition gets one edge per possible destination.
/// </summary>
public sealed class GraphExportTests
{
    [Fact]
    public void ToDotGraph_of_the_sample_phone_call_is_exactly_the_pinned_text()
    {
        var definition = PhoneMachines.SampleBuilder().Build(PhoneState.Idle);

        string dot = definition.ToDotGraph();

        Assert.Equal(
            Lines(
            """
            digraph "PhoneState" {
              compound=true;
              rankdir=LR;
              node [shape=box, style=rounded];
              "Idle" [label="Idle"];
              "Ringing" [label="Ringing\nentry / count the ring"];
              subgraph "cluster_Connected" {
                label="Connected\nexit / stop recording";
                "Connected" [shape=point, label=""];
                "Connected" -> "Talking" [label="initial", style=dotted];
                "Talking" [label="Talking"];
                "OnHold" [label="OnHold"];
              }
              "WrapUp" [label="WrapUp"];
              "Closed" [label="Closed"];
              "__initial" [shape=point, label=""];
              "__initial" -> "Idle";
              "Idle" -> "Ringing" [label="Dial"];
              "Ringing" -> "Ringing" [label="Ring (reentry)"];
              "Ringing" -> "Connected" [label="Answer [an agent is available]", lhead="cluster_Connected"];
              "Ringing" -> "Closed" [label="HangUp"];
              "Connected" -> "Connected" [label="Note (internal)", style=dashed];
              "Connected" -> "WrapUp" [label="HangUp [wrap-up needed?]", ltail="cluster_Connected"];
              "Connected" -> "Closed" [label="HangUp [wrap-up needed?]", ltail="cluster_Connected"];
              "Talking" -> "OnHold" [label="Hold [static call => call.HoldAllowed]"];
              "OnHold" -> "Talking" [label="Resume"];
              "WrapUp" -> "Closed" [label="Close"];
            }
            """),
            dot);
    }

    [Fact]
    public void ToMermaidGraph_of_the_sample_phone_call_is_exactly_the_pinned_text()
    {
        var definition = PhoneMachines.SampleBuilder().Build(PhoneState.Idle);

        string mermaid = definition.ToMermaidGraph();

        Assert.Equal(
            Lines(
            """
            stateDiagram-v2
                [*] --> Idle
                Idle
                Ringing : entry / count the ring
                Connected : exit / stop recording
                state Connected {
                    [*] --> Talking
                    Talking
                    OnHold
                }
                WrapUp
                Closed
                Idle --> Ringing : Dial
                Ringing --> Ringing : Ring (reentry)
                Ringing --> Connected : Answer [an agent is available]
                Ringing --> Closed : HangUp
                Connected --> Connected : Note (internal)
                Connected --> WrapUp : HangUp [wrap-up needed?]
                Connected --> Closed : HangUp [wrap-up needed?]
                Talking --> OnHold : Hold [static call => call.HoldAllowed]
                OnHold --> Talking : Resume
                WrapUp --> Closed : Close
            """),
            mermaid);
    }

    [Fact]
    public void ToDotGraph_nests_the_cluster_of_a_superstate_inside_the_cluster_of_its_own_superstate()
    {
        var definition = NestedDefinition();

        string dot = definition.ToDotGraph();

        Assert.Equal(
            Lines(
            """
            digraph "UnitState" {
              compound=true;
              rankdir=LR;
              node [shape=box, style=rounded];
              "Idle" [label="Idle"];
              subgraph "cluster_Parent" {
                label="Parent";
                "Parent" [shape=point, label=""];
                "Parent" -> "ChildA" [label="initial", style=dotted, lhead="cluster_ChildA"];
                subgraph "cluster_ChildA" {
                  label="ChildA\nentry / greet";
                  "ChildA" [shape=point, label=""];
                  "ChildA" -> "GrandChild" [label="initial", style=dotted];
                  "GrandChild" [label="GrandChild"];
                }
                "ChildB" [label="ChildB"];
              }
              "Other" [label="Other"];
              "__initial" [shape=point, label=""];
              "__initial" -> "Idle";
              "Idle" -> "Parent" [label="Go", lhead="cluster_Parent"];
              "Parent" -> "Parent" [label="Reset (reentry)"];
              "Parent" -> "Idle" [label="Back", ltail="cluster_Parent"];
              "ChildA" -> "ChildB" [label="Next", ltail="cluster_ChildA"];
              "ChildB" -> "Other" [label="Go [say \"hi\"]"];
              "GrandChild" -> "ChildA" [label="Up"];
            }
            """),
            dot);
    }

    [Fact]
    public void ToMermaidGraph_nests_the_composite_state_of_a_superstate_inside_its_own_superstate()
    {
        var definition = NestedDefinition();

        string mermaid = definition.ToMermaidGraph();

        Assert.Equal(
            Lines(
            """
            stateDiagram-v2
                [*] --> Idle
                Idle
                state Parent {
                    [*] --> ChildA
                    ChildA : entry / greet
                    state ChildA {
                        [*] --> GrandChild
                        GrandChild
                    }
                    ChildB
                }
                Other
                Idle --> Parent : Go
                Parent --> Parent : Reset (reentry)
                Parent --> Idle : Back
                ChildA --> ChildB : Next
                ChildB --> Other : Go [say "hi"]
                GrandChild --> ChildA : Up
            """),
            mermaid);
    }

    [Fact]
    public void Exports_are_deterministic_across_builds_and_calls()
    {
        var first = PhoneMachines.SampleBuilder().Build(PhoneState.Idle);
        var second = PhoneMachines.SampleBuilder().Build(PhoneState.Idle);

        Assert.Equal(first.ToDotGraph(), second.ToDotGraph());
        Assert.Equal(first.ToMermaidGraph(), second.ToMermaidGraph());
        Assert.Equal(first.ToDotGraph(), first.ToDotGraph());
        Assert.Equal(NestedDefinition().ToMermaidGraph(), NestedDefinition().ToMermaidGraph());
    }

    [Fact]
    public void ToDotGraph_escapes_double_quotes_in_labels()
    {
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Idle).PermitIf(UnitTrigger.Go, UnitState.Other, static context => context.Allowed, "say \"hi\"");

        string dot = builder.Build(UnitState.Idle).ToDotGraph();

        Assert.Contains("  \"Idle\" -> \"Other\" [label=\"Go [say \\\"hi\\\"]\"];\n", dot, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMermaidGraph_keeps_each_label_on_one_line_and_free_of_arrows_and_semicolons()
    {
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Idle)
            .PermitIf(UnitTrigger.Go, UnitState.Other, static context => context.Allowed, "a;b\r\nc --> d")
            .OnEntry(static _ => { }, "first;\nsecond");

        string mermaid = builder.Build(UnitState.Idle).ToMermaidGraph();

        Assert.Contains("    Idle --> Other : Go [a,b  c -> d]\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("    Idle : entry / first, second\n", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public void Ignored_triggers_and_dynamic_transitions_without_possible_destinations_draw_no_edge()
    {
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Idle)
            .Ignore(UnitTrigger.Poke)
            .PermitDynamic(UnitTrigger.Choose, static context => context.Choice);
        var definition = builder.Build(UnitState.Idle);

        string dot = definition.ToDotGraph();
        string mermaid = definition.ToMermaidGraph();

        Assert.DoesNotContain("\"Idle\" -> ", dot, StringComparison.Ordinal);
        Assert.DoesNotContain("Idle --> ", mermaid, StringComparison.Ordinal);
        Assert.Contains("  \"Other\" [label=\"Other\"];\n", dot, StringComparison.Ordinal);
        Assert.Contains("    Other\n", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public void The_initial_marker_points_at_the_initial_state_as_passed_to_Build()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Parent).InitialTransition(UnitState.ChildB);
        var definition = builder.Build(UnitState.Parent);

        Assert.Contains("  \"__initial\" -> \"Parent\";\n", definition.ToDotGraph(), StringComparison.Ordinal);
        Assert.StartsWith("stateDiagram-v2\n    [*] --> Parent\n", definition.ToMermaidGraph(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Parent contains ChildA (itself containing GrandChild) and ChildB; both superstates have an
    /// initial transition; there is a reentry on a superstate, a transition from a substate to its
    /// superstate, and a guard whose description needs quoting.
    /// </summary>
    private static StateMachineDefinition<UnitState, UnitTrigger, UnitContext> NestedDefinition()
    {
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Idle).Permit(UnitTrigger.Go, UnitState.Parent);
        builder.Configure(UnitState.Parent)
            .InitialTransition(UnitState.ChildA)
            .PermitReentry(UnitTrigger.Reset)
            .Permit(UnitTrigger.Back, UnitState.Idle);
        builder.Configure(UnitState.ChildA)
            .SubstateOf(UnitState.Parent)
            .InitialTransition(UnitState.GrandChild)
            .OnEntry(static context => context.Record("greet"), "greet")
            .Permit(UnitTrigger.Next, UnitState.ChildB);
        builder.Configure(UnitState.GrandChild)
            .SubstateOf(UnitState.ChildA)
            .Permit(UnitTrigger.Up, UnitState.ChildA);
        builder.Configure(UnitState.ChildB)
            .SubstateOf(UnitState.Parent)
            .PermitIf(UnitTrigger.Go, UnitState.Other, static context => context.Allowed, "say \"hi\"");
        return builder.Build(UnitState.Idle);
    }

    /// <summary>The exports always use "\n"; the expected texts do too, whatever the line endings of this file.</summary>
    private static string Lines(string text) => text.ReplaceLineEndings("\n") + "\n";

    [Fact]
    public void Dot_label_keeps_a_literal_backslash_n_of_a_description_instead_of_turning_it_into_a_line_break()
    {
        // The description is the 6 characters C : \ n e w (as in a Windows path).
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Idle).PermitIf(UnitTrigger.Go, UnitState.Other, static context => context.Allowed, @"C:\new");

        string dot = builder.Build(UnitState.Idle).ToDotGraph();

        // In a DOT string a backslash is written \\ ; "\n" (one backslash) is a line break.
        Assert.Contains(@"""Idle"" -> ""Other"" [label=""Go [C:\\new]""];", dot, StringComparison.Ordinal);
    }

    [Fact]
    public void Dot_record_labels_escape_the_characters_that_records_treat_as_structure()
    {
        // Nodes are drawn with shape=Mrecord, whose labels treat { } | < > as field structure and ports.
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Other).OnEntry(static _ => { }, "notify <supervisor> | log {id}");

        string dot = builder.Build(UnitState.Idle).ToDotGraph();

        string line = dot.Split('\n').Single(l => l.StartsWith("  \"Other\" [label=", StringComparison.Ordinal));
        bool recordShaped = dot.Contains("node [shape=Mrecord]", StringComparison.Ordinal) && !line.Contains("shape=", StringComparison.Ordinal);
        Assert.False(
            recordShaped && Regex.IsMatch(line, @"(?<!\\)[{}|<>]"),
            "A record-shaped node label contains unescaped record syntax: " + line);
    }
}
