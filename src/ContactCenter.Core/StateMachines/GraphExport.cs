using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ContactCenter.Core.StateMachines;

/// <summary>Renders a definition as DOT or Mermaid text, deterministically (states in ordinal order, behaviours in configuration order).</summary>
internal static class GraphExport
{
    public static string ToDot<TState, TTrigger, TContext>(StateMachineDefinition<TState, TTrigger, TContext> definition)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        var nodes = definition.Nodes;
        var superstates = SuperstateSet(nodes);
        var text = new StringBuilder();
        text.Append("digraph \"").Append(typeof(TState).Name).Append("\" {\n");
        text.Append("  compound=true;\n  rankdir=LR;\n  node [shape=box, style=rounded];\n");
        foreach (var node in nodes.Where(static n => n.Parent < 0))
        {
            WriteDotState(text, nodes, superstates, node, "  ");
        }

        text.Append("  \"__initial\" [shape=point, label=\"\"];\n");
        text.Append("  \"__initial\" -> ").Append(Quote(definition.InitialState.ToString())).Append(";\n");
        foreach (var (source, destination, label, dashed) in Edges(definition))
        {
            text.Append("  ").Append(Quote(source.State.ToString())).Append(" -> ").Append(Quote(destination.State.ToString()));
            text.Append(" [label=").Append(Quote(label));
            // Clip an edge at a cluster's border only when its other end lies outside that cluster.
            if (superstates.Contains(source.Index) && !definition.IsAncestorOrSelf(source.Index, destination.Index))
            {
                text.Append(", ltail=").Append(Quote("cluster_" + source.State));
            }

            if (superstates.Contains(destination.Index) && !definition.IsAncestorOrSelf(destination.Index, source.Index))
            {
                text.Append(", lhead=").Append(Quote("cluster_" + destination.State));
            }

            if (dashed)
            {
                text.Append(", style=dashed");
            }

            text.Append("];\n");
        }

        text.Append("}\n");
        return text.ToString();
    }

    public static string ToMermaid<TState, TTrigger, TContext>(StateMachineDefinition<TState, TTrigger, TContext> definition)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        var nodes = definition.Nodes;
        var superstates = SuperstateSet(nodes);
        var text = new StringBuilder();
        text.Append("stateDiagram-v2\n");
        text.Append("    [*] --> ").Append(definition.InitialState).Append('\n');
        foreach (var node in nodes.Where(static n => n.Parent < 0))
        {
            WriteMermaidState(text, nodes, superstates, node, "    ");
        }

        foreach (var (source, destination, label, _) in Edges(definition))
        {
            text.Append("    ").Append(source.State).Append(" --> ").Append(destination.State)
                .Append(" : ").Append(MermaidText(label)).Append('\n');
        }

        return text.ToString();
    }

    private static void WriteDotState<TState, TTrigger, TContext>(
        StringBuilder text, StateNode<TState, TTrigger, TContext>[] nodes, HashSet<int> superstates, StateNode<TState, TTrigger, TContext> node, string indent)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        string name = node.State.ToString();
        if (!superstates.Contains(node.Index))
        {
            text.Append(indent).Append(Quote(name)).Append(" [label=").Append(QuoteLines(Describe(node))).Append("];\n");
            return;
        }

        text.Append(indent).Append("subgraph ").Append(Quote("cluster_" + name)).Append(" {\n");
        text.Append(indent).Append("  label=").Append(QuoteLines(Describe(node))).Append(";\n");
        text.Append(indent).Append("  ").Append(Quote(name)).Append(" [shape=point, label=\"\"];\n");
        if (node.InitialChild >= 0)
        {
            var initial = nodes[node.InitialChild];
            text.Append(indent).Append("  ").Append(Quote(name)).Append(" -> ").Append(Quote(initial.State.ToString()))
                .Append(" [label=\"initial\", style=dotted");
            if (superstates.Contains(initial.Index))
            {
                text.Append(", lhead=").Append(Quote("cluster_" + initial.State));
            }

            text.Append("];\n");
        }

        foreach (var child in nodes.Where(n => n.Parent == node.Index))
        {
            WriteDotState(text, nodes, superstates, child, indent + "  ");
        }

        text.Append(indent).Append("}\n");
    }

    private static void WriteMermaidState<TState, TTrigger, TContext>(
        StringBuilder text, StateNode<TState, TTrigger, TContext>[] nodes, HashSet<int> superstates, StateNode<TState, TTrigger, TContext> node, string indent)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        var lines = Describe(node).Skip(1).ToList();
        if (lines.Count == 0 && !superstates.Contains(node.Index))
        {
            text.Append(indent).Append(node.State).Append('\n');
        }

        foreach (string line in lines)
        {
            text.Append(indent).Append(node.State).Append(" : ").Append(MermaidText(line)).Append('\n');
        }

        if (!superstates.Contains(node.Index))
        {
            return;
        }

        text.Append(indent).Append("state ").Append(node.State).Append(" {\n");
        if (node.InitialChild >= 0)
        {
            text.Append(indent).Append("    [*] --> ").Append(nodes[node.InitialChild].State).Append('\n');
        }

        foreach (var child in nodes.Where(n => n.Parent == node.Index))
        {
            WriteMermaidState(text, nodes, superstates, child, indent + "    ");
        }

        text.Append(indent).Append("}\n");
    }

    private static IEnumerable<string> Describe<TState, TTrigger, TContext>(StateNode<TState, TTrigger, TContext> node)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        yield return node.State.ToString();
        foreach (var action in node.EntryActions.Where(static a => a.Description is not null))
        {
            yield return "entry / " + action.Description;
        }

        foreach (var action in node.ExitActions.Where(static a => a.Description is not null))
        {
            yield return "exit / " + action.Description;
        }
    }

    private static IEnumerable<(StateNode<TState, TTrigger, TContext> Source, StateNode<TState, TTrigger, TContext> Destination, string Label, bool Dashed)> Edges<TState, TTrigger, TContext>(
        StateMachineDefinition<TState, TTrigger, TContext> definition)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        var nodes = definition.Nodes;
        var states = EnumIndex<TState>.Instance;
        foreach (var node in nodes)
        {
            foreach (var behaviour in node.Behaviours)
            {
                string label = behaviour.Trigger.ToString();
                if (behaviour.GuardDescription is { } guard)
                {
                    label += " [" + guard + "]";
                }

                switch (behaviour.Kind)
                {
                    case BehaviourKind.Transition:
                        yield return (node, nodes[behaviour.DestinationIndex], label, false);
                        break;
                    case BehaviourKind.Reentry:
                        yield return (node, node, label + " (reentry)", false);
                        break;
                    case BehaviourKind.Internal:
                        yield return (node, node, label + " (internal)", true);
                        break;
                    case BehaviourKind.Dynamic:
                        string dynamicLabel = behaviour.Trigger + " [" + (behaviour.SelectorDescription ?? "dynamic") + "]";
                        foreach (var destination in behaviour.PossibleDestinations)
                        {
                            yield return (node, nodes[states.IndexOf(destination)], dynamicLabel, false);
                        }

                        break;
                }
            }
        }
    }

    private static HashSet<int> SuperstateSet<TState, TTrigger, TContext>(StateNode<TState, TTrigger, TContext>[] nodes)
        where TState : struct, Enum
        where TTrigger : struct, Enum =>
        new(nodes.Where(static n => n.Parent >= 0).Select(static n => n.Parent));

    private static string Quote(string value) => "\"" + Escape(value) + "\"";

    /// <summary>A DOT string of several lines: each line escaped, joined by DOT's own line break.</summary>
    private static string QuoteLines(IEnumerable<string> lines) => "\"" + string.Join("\\n", lines.Select(Escape)) + "\"";

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"");

    private static string MermaidText(string value) =>
        value.Replace("\r", " ").Replace("\n", " ").Replace(";", ",").Replace("-->", "->");
}
