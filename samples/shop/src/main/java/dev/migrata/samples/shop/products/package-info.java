/** The products on sale, their tags and who supplies them. */
@App("products")
package dev.migrata.samples.shop.products;

import dev.migrata.annotations.App;
