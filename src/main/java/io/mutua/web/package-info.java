/**
 * The shared web shell: security, layout and i18n helpers, error handling. Open to every module.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.mutua.web;

import org.springframework.modulith.ApplicationModule;
