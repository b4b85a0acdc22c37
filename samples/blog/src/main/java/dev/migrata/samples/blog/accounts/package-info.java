/** Who writes: authors and their profiles. */
@App("accounts")
package dev.migrata.samples.blog.accounts;

import dev.migrata.annotations.App;
