/** Suppliers and customers; a supplier features one product, so the apps point at each other. */
@App("partners")
package dev.migrata.samples.shop.partners;

import dev.migrata.annotations.App;
