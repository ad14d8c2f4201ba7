namespace System.Runtime.CompilerServices;

/// <summary>Indicates that a parameter captures the expression passed for another parameter as a string.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
internal sealed class CallerArgumentExpressionAttribute : Attribute
{
    /// <summary>Initializes the attribute with the name of the parameter whose expression is captured.</summary>
    /// <param name="parameterName">The name of the parameter whose expression should be captured as a string.</param>
    public CallerArgumentExpressionAttribute(string parameterName) => ParameterName = parameterName;

    /// <summary>Gets the name of the parameter whose expression should be captured as a string.</summary>
    public string ParameterName { get; }
}
