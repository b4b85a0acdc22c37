@App("shop")
package com.example.shop;

import dev.migrata.annotations.App;
