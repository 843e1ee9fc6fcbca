using System;
using System.Text;

namespace LossDsl.Generator.Emission;

/// <summary>Writes lines with indentation: generated code built as text, never via SyntaxFactory.</summary>
internal sealed class IndentedWriter
{
    private readonly StringBuilder _text = new();
    private int _depth;

    public IndentedWriter Line(string line = "")
    {
        if (line.Length > 0) _text.Append(' ', _depth * 4).Append(line);
        _text.Append('\n');
        return this;
    }

    public IndentedWriter Open(string line)
    {
        if (line.Length > 0) Line(line);
        Line("{");
        _depth++;
        return this;
    }

    public IndentedWriter Indent()
    {
        _depth++;
        return this;
    }

    public IndentedWriter Outdent()
    {
        _depth--;
        return this;
    }

    public IndentedWriter Close(string suffix = "")
    {
        _depth--;
        return Line("}" + suffix);
    }

    public IDisposable Block(string line)
    {
        Open(line);
        return new Closer(this);
    }

    public override string ToString() => _text.ToString();

    /// <summary>The non-empty lines written so far, indentation included, for copying into another writer.</summary>
    public System.Collections.Generic.IEnumerable<string> Lines() =>
        System.Linq.Enumerable.Where(_text.ToString().Split('\n'), l => l.Length > 0);

    private sealed class Closer(IndentedWriter writer) : IDisposable
    {
        public void Dispose() => writer.Close();
    }
}
