using System;
using System.Linq;
using Xunit;

namespace ContactCenter.Docs.Tests;

/// <summary>
/// Every C# example of the README, the guides, and the samples' and benchmarks' pages compiles
/// against the current packages. The examples of a page are compiled together, in page order;
/// see <see cref="MarkdownExamples"/> for how a deliberate excerpt is marked.
/// </summary>
public sealed class DocumentationExampleTests
{
    public static TheoryData<string> PagesWithExamples()
    {
        var data = new TheoryData<string>();
        foreach (string page in MarkdownExamples.Pages().Where(p => MarkdownExamples.Blocks(p).Any(b => !b.IsFragment)))
        {
            data.Add(page);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagesWithExamples))]
    public void The_examples_of_the_page_compile(string page)
    {
        var blocks = MarkdownExamples.Blocks(page).Where(b => !b.IsFragment).ToList();

        var errors = ExampleCompiler.Compile(blocks);

        Assert.True(errors.Count == 0, $"{errors.Count} error(s) in the examples of {page}:\n" + string.Join("\n", errors.Take(20)));
    }

    [Fact]
    public void Every_guide_shows_code_that_compiles()
    {
        string[] guides = MarkdownExamples.Pages()
            .Where(p => p.StartsWith("docs/", StringComparison.Ordinal) && p.Count(c => c == '/') == 1)
            .Where(p => p != "docs/README.md")
            .ToArray();

        var withoutExamples = guides.Where(p => !MarkdownExamples.Blocks(p).Any(b => !b.IsFragment)).ToList();

        Assert.True(withoutExamples.Count == 0, "Guides without a compiled C# example: " + string.Join(", ", withoutExamples));
    }

    [Fact]
    public void A_broken_example_is_reported_at_its_line_of_the_page()
    {
        var blocks = new[]
        {
            new CodeBlock("docs/example.md", 10, "var agent = new Agent(\"alice\", new AgentOptions(), new VirtualTimeSource(Instant.FromUtc(2026, 1, 5, 9, 0)));", false),
            new CodeBlock("docs/example.md", 20, "agent.LogIn();\nagent.Fly();", false),
        };

        var errors = ExampleCompiler.Compile(blocks);

        Assert.Equal(["docs/example.md:21: CS1061 'Agent' does not contain a definition for 'Fly' and no accessible extension method 'Fly' accepting a first argument of type 'Agent' could be found (are you missing a using directive or an assembly reference?)"], errors);
    }
}
