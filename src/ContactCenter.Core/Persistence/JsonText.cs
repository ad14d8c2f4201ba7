#pragma warning disable CA1846 // netstandard2.0 has no span overloads of int.Parse and long.Parse

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ContactCenter.Core.Persistence;

/// <summary>
/// A small JSON writer and reader for the snapshot codec: objects, arrays, strings, integers, booleans and null —
/// all <see cref="SnapshotJson"/> needs, with no dependency (System.Text.Json is not inbox on netstandard2.0).
/// </summary>
internal sealed class JsonWriter
{
    private readonly StringBuilder _text = new();
    private readonly Stack<bool> _first = new();
    private bool _pendingValue;

    public JsonWriter BeginObject()
    {
        Separate();
        _text.Append('{');
        _first.Push(true);
        return this;
    }

    public JsonWriter EndObject()
    {
        _first.Pop();
        _text.Append('}');
        return this;
    }

    public JsonWriter BeginArray()
    {
        Separate();
        _text.Append('[');
        _first.Push(true);
        return this;
    }

    public JsonWriter EndArray()
    {
        _first.Pop();
        _text.Append(']');
        return this;
    }

    public JsonWriter Name(string name)
    {
        Separate();
        WriteString(name);
        _text.Append(':');
        _pendingValue = true; // the value that follows takes no comma
        return this;
    }

    public JsonWriter String(string? value)
    {
        if (value is null)
        {
            return Null();
        }

        Separate();
        WriteString(value);
        return this;
    }

    public JsonWriter Number(long value)
    {
        Separate();
        _text.Append(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    public JsonWriter Bool(bool value)
    {
        Separate();
        _text.Append(value ? "true" : "false");
        return this;
    }

    public JsonWriter Null()
    {
        Separate();
        _text.Append("null");
        return this;
    }

    public override string ToString() => _text.ToString();

    private void Separate()
    {
        if (_pendingValue)
        {
            _pendingValue = false;
            return;
        }

        if (_first.Count == 0)
        {
            return;
        }

        if (_first.Peek())
        {
            _first.Pop();
            _first.Push(false);
        }
        else
        {
            _text.Append(',');
        }
    }

    private void WriteString(string value)
    {
        _text.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"':
                    _text.Append("\\\"");
                    break;
                case '\\':
                    _text.Append("\\\\");
                    break;
                case '\n':
                    _text.Append("\\n");
                    break;
                case '\r':
                    _text.Append("\\r");
                    break;
                case '\t':
                    _text.Append("\\t");
                    break;
                default:
                    if (c < ' ' || c is '\u2028' or '\u2029')
                    {
                        _text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        _text.Append(c);
                    }

                    break;
            }
        }

        _text.Append('"');
    }
}

/// <summary>Parses the JSON that <see cref="JsonWriter"/> writes into dictionaries, lists, strings, longs, booleans and nulls.</summary>
internal sealed class JsonReader
{
    private readonly string _text;
    private int _at;

    private JsonReader(string text) => _text = text;

    public static object? Parse(string text)
    {
        var reader = new JsonReader(text);
        var value = reader.Value();
        reader.SkipSpace();
        if (reader._at != text.Length)
        {
            throw reader.Error("unexpected text after the value");
        }

        return value;
    }

    private object? Value()
    {
        SkipSpace();
        if (_at >= _text.Length)
        {
            throw Error("unexpected end");
        }

        char c = _text[_at];
        switch (c)
        {
            case '{':
                return Object();
            case '[':
                return Array();
            case '"':
                return String();
            case 't':
                return Literal("true", true);
            case 'f':
                return Literal("false", false);
            case 'n':
                return Literal("null", null);
            default:
                return Number();
        }
    }

    private Dictionary<string, object?> Object()
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        _at++;
        SkipSpace();
        if (Peek() == '}')
        {
            _at++;
            return result;
        }

        while (true)
        {
            SkipSpace();
            if (Peek() != '"')
            {
                throw Error("expected a name");
            }

            string name = String();
            SkipSpace();
            Expect(':');
            result[name] = Value();
            SkipSpace();
            char next = Peek();
            _at++;
            if (next == '}')
            {
                return result;
            }

            if (next != ',')
            {
                throw Error("expected ',' or '}'");
            }
        }
    }

    private List<object?> Array()
    {
        var result = new List<object?>();
        _at++;
        SkipSpace();
        if (Peek() == ']')
        {
            _at++;
            return result;
        }

        while (true)
        {
            result.Add(Value());
            SkipSpace();
            char next = Peek();
            _at++;
            if (next == ']')
            {
                return result;
            }

            if (next != ',')
            {
                throw Error("expected ',' or ']'");
            }
        }
    }

    private string String()
    {
        _at++;
        var text = new StringBuilder();
        while (true)
        {
            if (_at >= _text.Length)
            {
                throw Error("unterminated string");
            }

            char c = _text[_at++];
            if (c == '"')
            {
                return text.ToString();
            }

            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            char e = _text[_at++];
            switch (e)
            {
                case 'n':
                    text.Append('\n');
                    break;
                case 'r':
                    text.Append('\r');
                    break;
                case 't':
                    text.Append('\t');
                    break;
                case 'b':
                    text.Append('\b');
                    break;
                case 'f':
                    text.Append('\f');
                    break;
                case 'u':
                    text.Append((char)int.Parse(_text.Substring(_at, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    _at += 4;
                    break;
                default:
                    text.Append(e);
                    break;
            }
        }
    }

    private long Number()
    {
        int start = _at;
        if (Peek() == '-')
        {
            _at++;
        }

        while (_at < _text.Length && char.IsDigit(_text[_at]))
        {
            _at++;
        }

        if (start == _at || !long.TryParse(_text.Substring(start, _at - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            throw Error("expected a value");
        }

        return value;
    }

    private object? Literal(string word, object? value)
    {
        if (string.CompareOrdinal(_text, _at, word, 0, word.Length) != 0)
        {
            throw Error("expected a value");
        }

        _at += word.Length;
        return value;
    }

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw Error($"expected '{c}'");
        }

        _at++;
    }

    private char Peek() => _at < _text.Length ? _text[_at] : '\0';

    private void SkipSpace()
    {
        while (_at < _text.Length && char.IsWhiteSpace(_text[_at]))
        {
            _at++;
        }
    }

    private FormatException Error(string what) =>
        new(string.Format(CultureInfo.InvariantCulture, "Stored snapshot is not valid JSON: {0} at position {1}.", what, _at));
}
