using System.Collections.Immutable;
using LossDsl.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LossDsl.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs the stability analyzer through <see cref="CompilationWithAnalyzers"/> and its code fixes through an
/// <see cref="AdhocWorkspace"/>, as an IDE would (Microsoft.CodeAnalysis.Analyzer.Testing is not served here).
/// </summary>
internal static class AnalyzerHarness
{
    public static ImmutableArray<MetadataReference> References => Testing.TestCompilations.References;

    /// <summary>Every LD2xxx analyzer the package ships.</summary>
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new StabilityAnalyzer(), new StatedRangeAnalyzer(), new AccuracyAnalyzer());

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly CSharpCompilationOptions CompilationOptions =
        new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

    /// <summary>Wraps members in a partial class with the DSL's usings.</summary>
    public static string InClass(string members, string usings = "using LossDsl;\nusing static LossDsl.LossMath;\nusing System;") => $$"""
        {{usings}}

        namespace Tests;

        public static partial class L
        {
        {{members}}
        }
        """;

    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create("AnalyzerTests",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
            References, CompilationOptions);

    /// <summary>The LD2xxx diagnostics of the sources (the compilation must have no errors), in source order.</summary>
    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(params string[] sources)
    {
        CSharpCompilation compilation = Compile(sources);
        Diagnostic[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, "The test source does not compile:\n" + string.Join("\n", errors.Select(e => e.ToString())));
        var withAnalyzers = compilation.WithAnalyzers(Analyzers);
        ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        Diagnostic[] failures = diagnostics.Where(d => d.Id == "AD0001").ToArray();
        Assert.True(failures.Length == 0, "The analyzer threw:\n" + string.Join("\n", failures.Select(f => f.ToString())));
        return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

    /// <summary>The text a diagnostic underlines.</summary>
    public static string Underlined(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);

    /// <summary>Applies the code fix registered for the first diagnostic with <paramref name="id"/>; returns the new text.</summary>
    public static async Task<string> FixAsync(string source, string id)
    {
        Document document = CreateDocument(source);
        Diagnostic diagnostic = (await DocumentDiagnosticsAsync(document)).First(d => d.Id == id);
        CodeAction action = Assert.Single(await RegisteredFixesAsync(document, diagnostic));
        return await ApplyAsync(document, action);
    }

    /// <summary>Fixes every diagnostic with <paramref name="id"/> in the document at once (the IDE's "Fix all in document").</summary>
    public static async Task<string> FixAllAsync(string source, string id)
    {
        Document document = CreateDocument(source);
        ImmutableArray<Diagnostic> diagnostics = await DocumentDiagnosticsAsync(document);
        var provider = new StabilityCodeFixProvider();
        CodeAction first = Assert.Single(await RegisteredFixesAsync(document, diagnostics.First(d => d.Id == id)));
        var context = new FixAllContext(document, provider, FixAllScope.Document, first.EquivalenceKey!,
            new[] { id }, new FixedDiagnostics(diagnostics), CancellationToken.None);
        CodeAction fixAll = (await provider.GetFixAllProvider()!.GetFixAsync(context))!;
        return await ApplyAsync(document, fixAll);
    }

    private static async Task<List<CodeAction>> RegisteredFixesAsync(Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        await new StabilityCodeFixProvider().RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        return actions;
    }

    private static async Task<string> ApplyAsync(Document document, CodeAction action)
    {
        ImmutableArray<CodeActionOperation> operations = await action.GetOperationsAsync(CancellationToken.None);
        Solution changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        SourceText text = await changed.GetDocument(document.Id)!.GetTextAsync();
        return text.ToString();
    }

    private static Document CreateDocument(string source)
    {
        var workspace = new AdhocWorkspace();
        Project project = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Default, "Fixes", "Fixes", LanguageNames.CSharp,
            compilationOptions: CompilationOptions, parseOptions: ParseOptions, metadataReferences: References));
        return workspace.AddDocument(project.Id, "Source0.cs", SourceText.From(source));
    }

    private static async Task<ImmutableArray<Diagnostic>> DocumentDiagnosticsAsync(Document document)
    {
        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        return await compilation.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync();
    }

    private sealed class FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(Array.Empty<Diagnostic>());
    }
}
