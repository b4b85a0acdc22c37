/** What is written: posts, their tags and comments. */
@App("posts")
package dev.migrata.samples.blog.posts;

import dev.migrata.annotations.App;
