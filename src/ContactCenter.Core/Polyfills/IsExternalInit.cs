namespace System.Runtime.CompilerServices;

/// <summary>Reserved for the compiler to track metadata for <c>init</c> accessors and records.</summary>
internal static class IsExternalInit
{
}
