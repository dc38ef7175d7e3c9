package io.mutua.web;

/**
 * A link in the main navigation, contributed by a module as a bean.
 *
 * @param labelKey message key of the label
 * @param path where it leads; also the prefix that marks it current
 * @param order position, lowest first
 * @param requiredRole role needed to see it: {@code null} for every seller, {@code "BUYER"} for buyers, or several
 *     seller roles separated by commas ({@code "ADMIN,MANAGER"}), any of which will do
 */
public record NavLink(String labelKey, String path, int order, String requiredRole) {
}
