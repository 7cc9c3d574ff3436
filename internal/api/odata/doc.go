// Package odata parses the Microsoft Graph / OData v4 query options
// $filter, $orderby, $select and $search into the expression tree of package
// directory, and formats such trees back into canonical OData text.
//
// The parsers are purely syntactic: they do not know which properties exist,
// which operators a property supports or which literal kinds fit which
// property. Callers validate that afterwards by walking the returned tree.
//
// All parsers expect the option value already percent-decoded, reject values
// longer than MaxLength bytes and expressions nested deeper than MaxDepth,
// and report problems as a *SyntaxError carrying the byte offset where
// parsing stopped.
package odata
