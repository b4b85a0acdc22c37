@App("inventory")
package com.example.inventory;

import dev.migrata.annotations.App;
