using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace ContactCenter.Packaging.Tests;

/// <summary>
/// Writes the public surface of an assembly as C#-like text, one declaration per line, in a stable
/// order: what a consumer can see and call (public types, and their public and protected members),
/// with nullability, default values, constants and enum values. Two assemblies with the same
/// surface give the same text, so a checked-in copy shows every change to the surface in review.
/// </summary>
internal static class PublicApiFormatter
{
    private const BindingFlags DeclaredMembers =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<Type, string> s_keywords = new()
    {
        [typeof(void)] = "void",
        [typeof(object)] = "object",
        [typeof(string)] = "string",
        [typeof(bool)] = "bool",
        [typeof(byte)] = "byte",
        [typeof(sbyte)] = "sbyte",
        [typeof(char)] = "char",
        [typeof(short)] = "short",
        [typeof(ushort)] = "ushort",
        [typeof(int)] = "int",
        [typeof(uint)] = "uint",
        [typeof(long)] = "long",
        [typeof(ulong)] = "ulong",
        [typeof(float)] = "float",
        [typeof(double)] = "double",
        [typeof(decimal)] = "decimal",
        [typeof(nint)] = "nint",
        [typeof(nuint)] = "nuint",
    };

    public static string Format(Assembly assembly)
    {
        var text = new StringBuilder();
        text.Append("// Public API of ").Append(assembly.GetName().Name).Append('\n');
        var types = assembly.GetTypes().Where(IsVisible).OrderBy(t => t.FullName, StringComparer.Ordinal);
        string? currentNamespace = null;
        foreach (var type in types)
        {
            if (type.Namespace != currentNamespace)
            {
                currentNamespace = type.Namespace;
                text.Append('\n').Append("namespace ").Append(currentNamespace ?? "<global>").Append('\n');
            }

            text.Append("  ").Append(TypeDeclaration(type)).Append('\n');
            foreach (string member in Members(type))
            {
                text.Append("    ").Append(member).Append('\n');
            }
        }

        return text.ToString();
    }

    private static bool IsVisible(Type type)
    {
        if (type.IsNested)
        {
            return (type.IsNestedPublic || type.IsNestedFamily || type.IsNestedFamORAssem) && IsVisible(type.DeclaringType!);
        }

        return type.IsPublic;
    }

    private static string TypeDeclaration(Type type)
    {
        var text = new StringBuilder();
        text.Append(type.IsNested && !type.IsNestedPublic ? "protected " : "public ");
        if (type.IsEnum)
        {
            text.Append(type.IsDefined(typeof(FlagsAttribute), false) ? "[Flags] enum " : "enum ");
            text.Append(TypeName(type, declaration: true));
            var underlying = Enum.GetUnderlyingType(type);
            if (underlying != typeof(int))
            {
                text.Append(" : ").Append(TypeName(underlying));
            }

            return Obsolete(type) + text;
        }

        if (typeof(Delegate).IsAssignableFrom(type.BaseType) && type.BaseType == typeof(MulticastDelegate))
        {
            var invoke = type.GetMethod("Invoke")!;
            text.Append("delegate ").Append(ReturnTypeName(invoke)).Append(' ').Append(TypeName(type, declaration: true))
                .Append('(').Append(Parameters(invoke)).Append(')');
            return Obsolete(type) + text;
        }

        bool isRecord = type.GetMethod("<Clone>$") is not null
            || (type.IsValueType && type.GetProperty("EqualityContract", BindingFlags.NonPublic | BindingFlags.Instance) is null
                && type.GetMethods(DeclaredMembers).Any(m => m.Name == "PrintMembers"));
        if (type.IsInterface)
        {
            text.Append("interface ");
        }
        else if (type.IsValueType)
        {
            if (type.IsDefined(typeof(IsReadOnlyAttribute), false))
            {
                text.Append("readonly ");
            }

            text.Append(isRecord ? "record struct " : "struct ");
        }
        else
        {
            if (type.IsAbstract && type.IsSealed)
            {
                text.Append("static ");
            }
            else if (type.IsAbstract)
            {
                text.Append("abstract ");
            }
            else if (type.IsSealed)
            {
                text.Append("sealed ");
            }

            text.Append(isRecord ? "record " : "class ");
        }

        text.Append(TypeName(type));
        var bases = new List<string>();
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType))
        {
            bases.Add(TypeName(baseType));
        }

        var inherited = new HashSet<Type>(type.BaseType?.GetInterfaces() ?? Type.EmptyTypes);
        bases.AddRange(type.GetInterfaces()
            .Where(i => !inherited.Contains(i) && IsVisibleInterface(i))
            .Where(i => !(isRecord && i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEquatable<>) && i.GetGenericArguments()[0] == type))
            .Select(i => TypeName(i))
            .OrderBy(n => n, StringComparer.Ordinal));
        if (bases.Count > 0)
        {
            text.Append(" : ").Append(string.Join(", ", bases));
        }

        if (type.IsGenericTypeDefinition)
        {
            text.Append(Constraints(type.GetGenericArguments()));
        }

        return Obsolete(type) + text;
    }

    private static bool IsVisibleInterface(Type type) => type.IsPublic || (type.IsNestedPublic && IsVisible(type));

    private static IEnumerable<string> Members(Type type)
    {
        if (type.IsEnum)
        {
            return type.GetFields(BindingFlags.Public | BindingFlags.Static)
                .OrderBy(f => Convert.ToInt64(f.GetRawConstantValue(), CultureInfo.InvariantCulture))
                .ThenBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => Obsolete(f) + f.Name + " = " + Convert.ToString(f.GetRawConstantValue(), CultureInfo.InvariantCulture));
        }

        if (typeof(Delegate).IsAssignableFrom(type))
        {
            return [];
        }

        var lines = new List<(int Rank, string Name, string Text)>();
        foreach (var member in type.GetMembers(DeclaredMembers))
        {
            if (member.IsDefined(typeof(CompilerGeneratedAttribute), false))
            {
                // What the compiler writes for a record (equality, printing, cloning) follows from
                // the word "record" in the type's line.
                continue;
            }

            (int Rank, string Text)? line = member switch
            {
                FieldInfo field when IsSurface(field) => (0, Field(field)),
                ConstructorInfo constructor when IsSurface(constructor) => (1, Constructor(constructor)),
                PropertyInfo property when IsSurface(property.GetMethod) || IsSurface(property.SetMethod) => (2, Property(property)),
                EventInfo @event when IsSurface(@event.AddMethod) => (3, Event(@event)),
                MethodInfo method when IsSurface(method) && (!method.IsSpecialName || IsOperator(method)) => (4, Method(method)),
                _ => null,
            };
            if (line is { } declared)
            {
                lines.Add((declared.Rank, member.Name, Obsolete(member) + declared.Text));
            }
        }

        return lines.OrderBy(l => l.Rank)
            .ThenBy(l => l.Name, StringComparer.Ordinal)
            .ThenBy(l => l.Text, StringComparer.Ordinal)
            .Select(l => l.Text);
    }

    private static bool IsOperator(MethodInfo method) =>
        method.Name.StartsWith("op_", StringComparison.Ordinal);

    private static bool IsSurface(MethodBase? method) =>
        method is not null && (method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly)
        && !method.Name.Contains('<', StringComparison.Ordinal);

    private static bool IsSurface(FieldInfo field) =>
        (field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly) && !field.Name.Contains('<', StringComparison.Ordinal);

    private static string Access(MethodBase method) => method.IsPublic ? "public" : "protected";

    private static string Constructor(ConstructorInfo constructor)
    {
        string prefix = constructor.IsStatic ? "static " : Access(constructor) + " ";
        return prefix + ".ctor(" + Parameters(constructor) + ")";
    }

    private static string Method(MethodInfo method)
    {
        var text = new StringBuilder(Access(method)).Append(' ');
        text.Append(Modifiers(method));
        text.Append(ReturnTypeName(method)).Append(' ').Append(method.Name);
        if (method.IsGenericMethodDefinition)
        {
            text.Append('<').Append(string.Join(", ", method.GetGenericArguments().Select(a => a.Name))).Append('>');
        }

        text.Append('(');
        if (method.IsDefined(typeof(ExtensionAttribute), false))
        {
            text.Append("this ");
        }

        text.Append(Parameters(method)).Append(')');
        if (method.IsGenericMethodDefinition)
        {
            text.Append(Constraints(method.GetGenericArguments()));
        }

        return text.ToString();
    }

    private static string Modifiers(MethodInfo method)
    {
        if (method.IsStatic)
        {
            return method.IsAbstract ? "static abstract " : "static ";
        }

        if (method.DeclaringType!.IsInterface)
        {
            return method.IsAbstract ? string.Empty : "default ";
        }

        if (method.IsAbstract)
        {
            return "abstract ";
        }

        if (method.IsVirtual && !method.IsFinal)
        {
            return method.GetBaseDefinition() == method ? "virtual " : "override ";
        }

        return method.IsVirtual && method.GetBaseDefinition() != method ? "sealed override " : string.Empty;
    }

    private static string Property(PropertyInfo property)
    {
        var getter = IsSurface(property.GetMethod) ? property.GetMethod : null;
        var setter = IsSurface(property.SetMethod) ? property.SetMethod : null;
        var accessor = (getter ?? setter)!;
        var text = new StringBuilder(Access(accessor)).Append(' ').Append(Modifiers((MethodInfo)accessor));
        text.Append(NullableName(property.PropertyType, new NullabilityInfoContext().Create(property))).Append(' ');
        var index = property.GetIndexParameters();
        text.Append(index.Length == 0 ? property.Name : "this[" + string.Join(", ", index.Select(Parameter)) + "]");
        text.Append(" { ");
        if (getter is not null)
        {
            text.Append(getter.IsPublic || setter is null || !setter.IsPublic ? "get; " : "protected get; ");
        }

        if (setter is not null)
        {
            bool init = setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
            string keyword = init ? "init; " : "set; ";
            text.Append(setter.IsPublic || getter is null || !getter.IsPublic ? keyword : "protected " + keyword);
        }

        return text.Append('}').ToString();
    }

    private static string Field(FieldInfo field)
    {
        var text = new StringBuilder(field.IsPublic ? "public " : "protected ");
        if (field.IsLiteral)
        {
            text.Append("const ").Append(TypeName(field.FieldType)).Append(' ').Append(field.Name)
                .Append(" = ").Append(Literal(field.GetRawConstantValue(), field.FieldType));
            return text.ToString();
        }

        if (field.IsStatic)
        {
            text.Append("static ");
        }

        if (field.IsInitOnly)
        {
            text.Append("readonly ");
        }

        return text.Append(NullableName(field.FieldType, new NullabilityInfoContext().Create(field))).Append(' ').Append(field.Name).ToString();
    }

    private static string Event(EventInfo @event)
    {
        var add = @event.AddMethod!;
        return Access(add) + " " + Modifiers(add) + "event " + NullableName(@event.EventHandlerType!, new NullabilityInfoContext().Create(@event))
            + " " + @event.Name;
    }

    private static string ReturnTypeName(MethodInfo method) =>
        NullableName(method.ReturnType, new NullabilityInfoContext().Create(method.ReturnParameter));

    private static string Parameters(MethodBase method) => string.Join(", ", method.GetParameters().Select(Parameter));

    private static string Parameter(ParameterInfo parameter)
    {
        var text = new StringBuilder();
        var type = parameter.ParameterType;
        if (type.IsByRef)
        {
            text.Append(parameter.IsOut ? "out " : parameter.IsIn ? "in " : "ref ");
        }
        else if (parameter.IsDefined(typeof(ParamArrayAttribute), false))
        {
            text.Append("params ");
        }

        text.Append(NullableName(type, new NullabilityInfoContext().Create(parameter))).Append(' ').Append(parameter.Name);
        if (parameter.HasDefaultValue)
        {
            text.Append(" = ").Append(Literal(parameter.RawDefaultValue, type));
        }

        return text.ToString();
    }

    private static string Literal(object? value, Type type) => value switch
    {
        null => type.IsValueType && Nullable.GetUnderlyingType(type) is null ? "default" : "null",
        string s => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        bool b => b ? "true" : "false",
        char c => "'" + c + "'",
        _ when type.IsEnum || (Nullable.GetUnderlyingType(type)?.IsEnum ?? false) => EnumLiteral(Nullable.GetUnderlyingType(type) ?? type, value),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };

    private static string EnumLiteral(Type enumType, object value)
    {
        string? name = Enum.GetName(enumType, value);
        return TypeName(enumType) + "." + (name ?? Convert.ToString(value, CultureInfo.InvariantCulture));
    }

    private static string NullableName(Type type, NullabilityInfo nullability)
    {
        if (type.IsByRef)
        {
            return NullableName(type.GetElementType()!, nullability.ElementType ?? nullability);
        }

        if (type.IsArray)
        {
            string element = nullability.ElementType is { } elementInfo
                ? NullableName(type.GetElementType()!, elementInfo)
                : TypeName(type.GetElementType()!);
            return element + "[]" + (nullability.ReadState == NullabilityState.Nullable ? "?" : string.Empty);
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return TypeName(underlying) + "?";
        }

        string name;
        if (type.IsGenericType && !type.IsGenericTypeDefinition && nullability.GenericTypeArguments.Length == type.GetGenericArguments().Length)
        {
            var arguments = type.GetGenericArguments();
            var parts = arguments.Select((a, i) => NullableName(a, nullability.GenericTypeArguments[i]));
            name = GenericName(type, parts);
        }
        else
        {
            name = TypeName(type);
        }

        bool nullable = !type.IsValueType && nullability.ReadState == NullabilityState.Nullable;
        return nullable ? name + "?" : name;
    }

    private static string TypeName(Type type, bool declaration = false)
    {
        if (s_keywords.TryGetValue(type, out string? keyword))
        {
            return keyword;
        }

        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        if (type.IsByRef)
        {
            return TypeName(type.GetElementType()!);
        }

        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return TypeName(underlying) + "?";
        }

        if (type.IsGenericType)
        {
            string generic = GenericName(type, type.GetGenericArguments().Select(a => TypeName(a)));
            return declaration ? generic + Constraints(type.GetGenericArguments()) : generic;
        }

        return Qualified(type, type.Name);
    }

    private static string GenericName(Type type, IEnumerable<string> arguments)
    {
        if (type.FullName is { } fullName && fullName.StartsWith("System.ValueTuple`", StringComparison.Ordinal))
        {
            return "(" + string.Join(", ", arguments) + ")";
        }

        string name = type.Name;
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0)
        {
            name = name[..tick];
        }

        return Qualified(type, name) + "<" + string.Join(", ", arguments) + ">";
    }

    private static string Qualified(Type type, string name)
    {
        string prefix = type.IsNested ? Qualified(type.DeclaringType!, StripArity(type.DeclaringType!.Name)) + "." : string.Empty;
        if (!type.IsNested && type.Namespace is { } ns && !ns.StartsWith("ContactCenter", StringComparison.Ordinal))
        {
            prefix = ns + ".";
        }

        return prefix + name;
    }

    private static string StripArity(string name)
    {
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick >= 0 ? name[..tick] : name;
    }

    private static string Constraints(Type[] arguments)
    {
        var text = new StringBuilder();
        foreach (var argument in arguments.Where(a => a.IsGenericParameter))
        {
            var parts = new List<string>();
            var attributes = argument.GenericParameterAttributes;
            if ((attributes & GenericParameterAttributes.NotNullableValueTypeConstraint) != 0)
            {
                parts.Add("struct");
            }
            else if ((attributes & GenericParameterAttributes.ReferenceTypeConstraint) != 0)
            {
                parts.Add("class");
            }

            parts.AddRange(argument.GetGenericParameterConstraints()
                .Where(c => c != typeof(ValueType))
                .Select(c => TypeName(c))
                .OrderBy(n => n, StringComparer.Ordinal));
            if ((attributes & GenericParameterAttributes.DefaultConstructorConstraint) != 0
                && (attributes & GenericParameterAttributes.NotNullableValueTypeConstraint) == 0)
            {
                parts.Add("new()");
            }

            if (parts.Count > 0)
            {
                text.Append(" where ").Append(argument.Name).Append(" : ").Append(string.Join(", ", parts));
            }
        }

        return text.ToString();
    }

    private static string Obsolete(MemberInfo member) =>
        member.GetCustomAttribute<ObsoleteAttribute>() is { } obsolete
            ? "[Obsolete(\"" + obsolete.Message + "\")] "
            : string.Empty;
}
