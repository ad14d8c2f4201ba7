using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ContactCenter.Docs.Tests;

/// <summary>
/// Compiles the examples of one page as one program, in page order: a page reads as one session,
/// so a later block may use what an earlier one declared. Each block's using directives, statements
/// and type declarations are put where C# wants them; <c>#line</c> directives keep every error at
/// its line of the page.
/// </summary>
internal static class ExampleCompiler
{
    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<List<MetadataReference>> s_references = new(LoadReferences);

    /// <summary>The namespaces an example may use without a using directive.</summary>
    public static IReadOnlyList<string> ImplicitNamespaces { get; } = BuildImplicitNamespaces();

    public static IReadOnlyList<string> Compile(IReadOnlyList<CodeBlock> blocks)
    {
        var usings = new List<string>();
        var statements = new StringBuilder();
        var declarations = new StringBuilder();
        var problems = new List<string>();
        foreach (var block in blocks)
        {
            var tree = CSharpSyntaxTree.ParseText(block.Code, s_parseOptions);
            var root = (CompilationUnitSyntax)tree.GetRoot();
            foreach (var error in tree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error))
            {
                int line = error.Location.GetLineSpan().StartLinePosition.Line;
                problems.Add($"{block.Page}:{block.FirstLine + line}: {error.Id} {error.GetMessage(CultureInfo.InvariantCulture)}");
            }

            usings.AddRange(root.Usings.Select(u => u.ToString().Trim()));
            foreach (var member in root.Members)
            {
                int line = tree.GetLineSpan(member.Span).StartLinePosition.Line;
                var target = member is GlobalStatementSyntax ? statements : declarations;
                target.Append(CultureInfo.InvariantCulture, $"#line {block.FirstLine + line} \"{block.Page}\"\n");
                target.Append(member.ToString()).Append('\n');
            }
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var program = new StringBuilder();
        foreach (string directive in usings.Distinct(StringComparer.Ordinal))
        {
            program.Append(directive).Append('\n');
        }

        program.Append(statements).Append("#line default\n").Append(declarations);
        string implicitUsings = string.Concat(ImplicitNamespaces.Select(n => $"global using {n};\n"));
        var compilation = CSharpCompilation.Create(
            "Examples",
            [
                CSharpSyntaxTree.ParseText(implicitUsings, s_parseOptions, path: "ImplicitUsings.cs"),
                CSharpSyntaxTree.ParseText(program.ToString(), s_parseOptions, path: "Examples.cs"),
            ],
            s_references.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var assembly = new MemoryStream();
        var result = compilation.Emit(assembly);
        return result.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d =>
            {
                var span = d.Location.GetMappedLineSpan();
                return $"{span.Path}:{span.StartLinePosition.Line + 1}: {d.Id} {d.GetMessage(CultureInfo.InvariantCulture)}";
            })
            .ToList();
    }

    private static List<MetadataReference> LoadReferences()
    {
        string paths = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        return paths.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !Path.GetFileName(p).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .Where(p => !Path.GetFileName(p).StartsWith("xunit", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
    }

    private static List<string> BuildImplicitNamespaces()
    {
        var namespaces = new SortedSet<string>(StringComparer.Ordinal)
        {
            "System",
            "System.Collections.Generic",
            "System.Globalization",
            "System.Linq",
            "System.Threading",
            "System.Threading.Tasks",
            "Microsoft.Extensions.DependencyInjection",
            "Microsoft.Extensions.Hosting",
            "NodaTime",
        };
        foreach (var assembly in new[]
        {
            typeof(Core.Agents.Agent).Assembly,
            typeof(Simulation.Simulator).Assembly,
            typeof(Storage.Sqlite.SqliteContactCenterStore).Assembly,
            typeof(Storage.PostgreSql.PostgreSqlContactCenterStore).Assembly,
        })
        {
            foreach (var type in assembly.GetExportedTypes())
            {
                if (type.Namespace is { } name)
                {
                    namespaces.Add(name);
                }
            }
        }

        return namespaces.ToList();
    }
}
